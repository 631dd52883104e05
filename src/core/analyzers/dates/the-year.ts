import type { Candidate, Resolution } from "./candidate.js";
import { middleDay } from "./period-estimate.js";

// ASCII patterns without the `u` flag, like the other rules that run on many sentences.
// "a high for the year", "the first nine months of the year", "earlier in the year",
// "during the year": the year the story is in. Not "the year before/after/ended…"
// (counted from something else), nor "player of the year" (only period words before "of").
const THE_YEAR =
  /\b(?:(?:for|during|throughout)\s+the\s+year|(?:months|weeks|days|half|quarter|part|rest|remainder|balance|course)\s+of\s+the\s+year|(?:earlier|later|so\s+far)\s+in\s+the\s+year)\b(?!['’]s|\s+(?:before|after|earlier|later|ago|ended|ending|to|that|when|in\s+which|of\s+(?:the|a|an)|19\d\d|20\d\d)\b)/gi;
const QUICK = /the year/i;

/**
 * "The year" of a report ("a high for the year", "the first nine months of the year",
 * "earlier in the year"): the year of the date the story was last at, else the
 * publication's — an estimate, since the text does not name it.
 */
export function findTheYear(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(THE_YEAR)) {
    const end = match.index + match[0].length;
    const start = end - "the year".length;
    found.push({
      start,
      end,
      rule: "the-year",
      resolve: ({ anchor, reference }): Resolution | undefined => {
        const year = anchor?.date.year ?? reference?.day.year;
        if (year === undefined) return undefined;
        return {
          date: { year },
          day: middleDay({ year }),
          basis: anchor ? "narrative" : "publication",
          approximate: true,
        };
      },
    });
  }
  return found;
}

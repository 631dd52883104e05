import { dayNumber } from "./calendar-day.js";
import type { Candidate, Resolution, ResolveContext } from "./candidate.js";
import { middleDay } from "./period-estimate.js";
import { PERIOD_NOUN } from "./period-nouns.js";

// ASCII patterns without the `u` flag, like the other rules that run on many sentences.
// "the first half of 1989", "1988's second half", "the second half of the year",
// "first-half profit", "in the first half" (in a report of figures).
const HALF =
  /\b(?:the\s+)?(?:(19\d\d|20\d\d)(?:['’]s)?\s+)?(?:fiscal\s+)?(first|second|1st|2nd)(\s+|-)half\b(?:\s+of\s+(?:(?:fiscal\s+)?(19\d\d|20\d\d)\b|(?:the|this)\s+year\b|(last|next)\s+year\b))?/gi;
const QUICK = /half/i;
// A half of something else: "the first half of the match", "the second half of the shares".
const OF_SOMETHING = /^\s+of\b/i;
// What makes "the first half" a half-year in a sentence that gives no year: figures of a report.
const REPORT_WORDS =
  /\b(?:profits?|earnings|net|sales|revenues?|results|output|production|growth|economy|inflation|exports?|imports?|deficit|surplus|loss(?:es)?|dividends?|shipments|demand|prices)\b/i;

function halfResolution(
  year: number,
  half: number,
  basis: Resolution["basis"],
  approximate: boolean,
): Resolution {
  // Six months: the finest ISO partial date holding one is its year.
  const resolution: Resolution = {
    date: { year },
    day: middleDay({ year, month: half === 1 ? 3 : 9 }),
    basis,
  };
  if (approximate) resolution.approximate = true;
  return resolution;
}

function resolveHalf(
  half: number,
  written: number | undefined,
  yearOffset: number | undefined,
  fiscal: boolean,
) {
  return ({ reference, tense }: ResolveContext): Resolution | undefined => {
    if (written !== undefined) return halfResolution(written, half, "text", fiscal);
    if (reference === undefined) return undefined;
    if (yearOffset !== undefined)
      return halfResolution(reference.day.year + yearOffset, half, "publication", fiscal);
    // The latest half begun by publication; one not begun yet is this year's in the future tense.
    const year = reference.day.year;
    const begun = dayNumber({ year, month: half === 1 ? 1 : 7, day: 1 }) <= dayNumber(reference.day);
    const resolved = begun || tense === "future" ? year : year - 1;
    return halfResolution(resolved, half, "publication", true);
  };
}

/**
 * Half-years: "the first half of 1989", "1988's second half", "the second half of last
 * year", "first-half profit", and "the first half" in a sentence of a report's figures
 * (not "the first half of the match"). Dated by their year, like quarters; without a
 * written year, the latest half begun by publication (an estimate).
 */
export function findHalfYears(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(HALF)) {
    const end = match.index + match[0].length;
    const written = match[1] ?? match[4];
    const relative = match[5]?.toLowerCase();
    const ofYear = /\bof\s+(?:the|this|last|next|fiscal|19\d\d|20\d\d)/i.test(match[0]);
    if (!ofYear && OF_SOMETHING.test(sentence.slice(end))) continue;
    const adjective = match[3] === "-" && PERIOD_NOUN.test(sentence.slice(end));
    if (written === undefined && !ofYear && !adjective && !REPORT_WORDS.test(sentence)) continue;
    const offset = relative === "last" ? -1 : relative === "next" ? 1 : ofYear ? 0 : undefined;
    const half = /^(?:first|1st)$/i.test(match[2] ?? "") ? 1 : 2;
    found.push({
      start: match.index,
      end,
      rule: "half-year",
      resolve: resolveHalf(
        half,
        written === undefined ? undefined : Number(written),
        offset,
        /fiscal/i.test(match[0]),
      ),
    });
  }
  return found;
}

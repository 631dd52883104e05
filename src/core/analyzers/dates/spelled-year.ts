import type { Candidate } from "./candidate.js";
import { middleDay } from "./period-estimate.js";

// ASCII patterns without the `u` flag, like the other rules that run on many sentences.
// Broadcast transcripts spell years out: "in nineteen seventy-nine", "nineteen hundred and
// ninety-eight", "by the year two thousand", "since two thousand and three".
const UNITS = "one|two|three|four|five|six|seven|eight|nine";
const TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const NINETEEN = new RegExp(
  String.raw`\b(nineteen)[\s-]+(?:hundred(?:\s+and)?\s+(?:(${TEENS})|(${TENS})(?:[\s-]+(${UNITS}))?|(${UNITS}))|(${TEENS})|(${TENS})(?:[\s-]+(${UNITS}))?|(hundred))\b(?![\s-]+(?:${UNITS}|${TENS}|hundred|thousand|percent|per|dollars?|people|million|billion|and|years?|old)\b)`,
  "gi",
);
// "two thousand" is a number as often as a year: only after "the year", or a word that
// introduces a time and with no noun after it.
const TWO_THOUSAND = new RegExp(
  String.raw`\b(?:the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(${UNITS}|${TEENS}))?\b|(?:in|since|by|until|till|before|after|from)\s+two\s+thousand(?:\s+(?:and\s+)?(${UNITS}|${TEENS}))?\b(?!\s+[a-z]))`,
  "gi",
);
// "the winter of nineteen ninety-four" runs into the next year: no year holds it.
const WINTER_OF = /\bwinter\s+of\s+$/i;
const QUICK = /nineteen|thousand/i;

const VALUE: Record<string, number> = {};
for (const [i, w] of UNITS.split("|").entries()) VALUE[w] = i + 1;
for (const [i, w] of TEENS.split("|").entries()) VALUE[w] = i + 10;
for (const [i, w] of TENS.split("|").entries()) VALUE[w] = 10 * (i + 2);

function yearCandidate(start: number, end: number, year: number): Candidate {
  return {
    start,
    end,
    rule: "spelled-year",
    resolve: () => ({ date: { year }, day: middleDay({ year }), basis: "text" }),
  };
}

/** Years written in words, as transcripts of broadcasts give them: "nineteen ninety-four", "the year two thousand". */
export function findSpelledYears(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(NINETEEN)) {
    const [, , teenH, tensH, unitH, single, teen, tens, unit, hundred] = match;
    const first = teenH ?? tensH ?? single ?? teen ?? tens ?? "";
    const rest =
      hundred !== undefined
        ? 0
        : (VALUE[first.toLowerCase()] ?? 0) + (VALUE[(unitH ?? unit ?? "").toLowerCase()] ?? 0);
    if ((hundred === undefined && rest === 0) || WINTER_OF.test(sentence.slice(0, match.index))) continue;
    found.push(yearCandidate(match.index, match.index + match[0].length, 1900 + rest));
  }
  for (const match of sentence.matchAll(TWO_THOUSAND)) {
    const lower = match[0].toLowerCase();
    const start = match.index + (lower.startsWith("the year") ? 0 : lower.indexOf("two thousand"));
    const year = 2000 + (VALUE[(match[1] ?? match[2] ?? "").toLowerCase()] ?? 0);
    found.push(yearCandidate(start, match.index + match[0].length, year));
  }
  return found;
}

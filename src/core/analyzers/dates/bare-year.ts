import type { Candidate } from "./candidate.js";
import { middleDay } from "./period-estimate.js";
import { PERIOD_NOUN } from "./period-nouns.js";

const YEAR = /\b(1[89]\d\d|20\d\d)\b/gu;
// Words after which a four-digit number is a year: "in 2025", "since 1986", "fiscal 1987".
const YEAR_LEAD =
  /(?:^|[^\p{L}])(?:in|since|by|until|till|from|through|during|of|for|before|after|early|late|mid|around|circa|fiscal|calendar|year|as\s+of|summer|winter|spring|autumn|fall)\s*-?\s*$/iu;
// "1985 and 1986", "from 1985 to 1986".
const AFTER_YEAR = /\b(?:1[89]\d\d|20\d\d)\s+(?:and|or|to|through)\s+$/u;
const THE_BEFORE = /\bthe\s+$/iu;
// A quantity, not a year: "of 1987 tonnes", "for 2000 shares".
const UNIT_AFTER =
  /^\s+(?:tonnes?|tons?|pct|percent|dlrs|dollars|shares|people|barrels|bags|mln|billion|million|units|acres|hectares|kilos|pounds|ounces|employees|workers|jobs|cars|vehicles|points|stores|troops|feet|metres|meters|miles|km|kilometres|votes|seats|per)\b/iu;

/**
 * Years written alone, which chrono does not read: "Earlier in 2025", "since 1986",
 * "1985 and 1986", "1986 results". A four-digit number counts as a year only after a
 * word that introduces a time or before a period noun, and never as part of a split
 * year ("the 1987/88 season", "1986-87"), a decimal or a figure ("1,987", "1987 tonnes").
 */
export function findBareYears(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of sentence.matchAll(YEAR)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = sentence.slice(Math.max(0, start - 24), start);
    const after = sentence.slice(end, end + 40);
    if (/(?:[\d.,/$£€]|\d\s*[-–])$/u.test(before) || /^(?:[.,/]\d|\s*[-–/]\s*\d|%|\d)/u.test(after)) continue;
    if (UNIT_AFTER.test(after)) continue;
    if (/^\s?['’]?s\b/u.test(after)) continue; // a decade ("the 1980s", "the late 1980 's"), not a year
    const introduced = YEAR_LEAD.test(before) || AFTER_YEAR.test(before);
    const qualifies = PERIOD_NOUN.test(after) && (THE_BEFORE.test(before) || /(?:^|[\s(])$/u.test(before));
    if (!introduced && !qualifies) continue;
    const year = Number(match[0]);
    found.push({
      start,
      end,
      rule: "bare-year",
      resolve: () => ({ date: { year }, day: middleDay({ year }), basis: "text" }),
    });
  }
  return found;
}

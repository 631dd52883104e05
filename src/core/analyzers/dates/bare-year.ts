import type { Candidate } from "./candidate.js";
import { middleDay } from "./period-estimate.js";
import { PERIOD_NOUN } from "./period-nouns.js";

const YEAR = /\b(1[89]\d\d|20\d\d)\b/gu;
// Words after which a four-digit number is a year: "in 2025", "since 1986", "fiscal 1987".
const YEAR_LEAD =
  /(?:^|[^\p{L}])(?:in|since|by|until|till|from|through|during|of|for|before|after|early|late|mid|around|circa|fiscal|calendar|year|as\s+of|summer|winter|spring|autumn|fall|between|into|both|dating\s+to|back\s+to)\s*-?\s*$/iu;
// A determiner or possessive before a year that qualifies what follows: "the 1996 Olympic
// bombing", "its 1988 recapitalization", "the company's 1989 results", "A 1996 law".
const DETERMINER_BEFORE =
  /(?:^|[^\p{L}])(?:the|a|an|its|his|her|their|our|this|that|these|those|last|next)\s+$|\p{L}['’]s?\s+$/iu;
// …when a word follows it (not a figure, a unit or a sentence end).
const WORD_AFTER = /^\s+(?:[A-Z][a-z]|[a-z]{3,})/u;
// "1985 and 1986", "from 1985 to 1986".
const AFTER_YEAR = /\b(?:1[89]\d\d|20\d\d)(?:,\s*|\s+(?:and|or|to|through)\s+)$/u;
const THE_BEFORE = /\bthe\s+$/iu;
// A quantity, not a year: "of 1987 tonnes", "for 2000 shares".
const UNIT_AFTER =
  /^\s+(?:tonnes?|tons?|pct|percent|dlrs|dollars|shares|people|barrels|bags|mln|billion|million|units|acres|hectares|kilos|pounds|ounces|employees|workers|jobs|cars|vehicles|points|stores|troops|feet|metres|meters|miles|km|kilometres|votes|seats|per)\b/iu;

/**
 * Years written alone, which chrono does not read: "Earlier in 2025", "since 1986",
 * "1985 and 1986", "between 1994 and 1997", "1986 results", "its 1988 recapitalization".
 * A four-digit number counts as a year only after a word that introduces a time, before a
 * period noun, or between a determiner and the word it qualifies, and never as part of a split
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
    const determined = DETERMINER_BEFORE.test(before) && WORD_AFTER.test(after);
    if (!introduced && !qualifies && !determined) continue;
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

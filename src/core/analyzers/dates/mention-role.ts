/**
 * What a date does in its sentence: dates the `event` the sentence reports, dates the
 * `reporting` of it ("…, the company said on Monday"), or is a `comparison` baseline
 * ("up from 1.2 billion in 1986", "at the same stage last year").
 */
export type MentionRole = "event" | "reporting" | "comparison";

// ASCII patterns without the `u` flag: they run on every date found, and the flag makes
// case-insensitive matching several times slower in V8.
const REPORTING_BEFORE =
  /\b(?:said|says|announced|told\s+[^\s,;:]+(?:\s+[^\s,;:]+)?|reported|stated|added|disclosed|confirmed|declared|warned|wrote|tweeted|posted|said\s+in\s+an?\s+(?:statement|release|news\s+release|interview|letter|report))\s*$/i;
const COMPARISON_BEFORE = [
  // Up to the date, within the clause and before any capitalised word (a new field of
  // a table such as "vs 8 cts prior Pay Aug 28" ends the comparison).
  /\b(?:compared\s+(?:with|to)|versus|vs\.?|against|than|above|below)\b[^,;:A-Z]*$/,
  // "from <a figure> in 1986", but not a range start such as "from 1985 to 1986".
  /\bfrom\s+(?!(?:1[89]|20)\d\d\b)[^,;:A-Z]*\d[^,;:]*$/,
  /\bsame\s+(?:period|time|stage|month|quarter|week|day|point)\b[^,;:]*$/i,
  // "up 82 pct from 9 months ago"
  /\b(?:up|down|rose|fell|increased|decreased|higher|lower)\b[^,;:]*\bfrom\s+$/i,
];

/**
 * The role of a date expression in a sentence, from the words before it: `start` is
 * where it starts with its lead-in words ("on Monday"), `coreStart` without them.
 */
export function mentionRole(sentence: string, start: number, coreStart: number): MentionRole {
  const beforeCore = sentence.slice(Math.max(0, coreStart - 80), coreStart);
  if (COMPARISON_BEFORE.some((pattern) => pattern.test(beforeCore))) return "comparison";
  if (REPORTING_BEFORE.test(sentence.slice(Math.max(0, start - 80), start))) return "reporting";
  return "event";
}

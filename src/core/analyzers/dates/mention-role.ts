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
  /\b(?:compared\s+(?:with|to)|versus|vs\.?|against|than)\b[^,;:]*$/i,
  // "from <a figure> in 1986", but not a range start such as "from 1985 to 1986".
  /\bfrom\s+(?!(?:1[89]|20)\d\d\b)[^,;:A-Z]*\d[^,;:]*$/,
  /\bsame\s+(?:period|time|stage|month|quarter|week|day|point)\b[^,;:]*$/i,
];

/** The role of the date expression starting at `start` (its lead-in included) in a sentence. */
export function mentionRole(sentence: string, start: number): MentionRole {
  const before = sentence.slice(Math.max(0, start - 80), start);
  if (COMPARISON_BEFORE.some((pattern) => pattern.test(before))) return "comparison";
  if (REPORTING_BEFORE.test(before)) return "reporting";
  return "event";
}

/**
 * What a date does in its sentence: dates the `event` the sentence reports, dates the
 * `reporting` of it ("…, the company said on Monday"), or is a `comparison` baseline
 * ("up from 1.2 billion in 1986", "at the same stage last year").
 */
export type MentionRole = "event" | "reporting" | "comparison";

const REPORTING_BEFORE =
  /\b(?:said|says|announced|told\s+[\p{L}.]+(?:\s+[\p{L}.]+)?|reported|stated|added|disclosed|confirmed|declared|warned|wrote|tweeted|posted|said\s+in\s+an?\s+(?:statement|release|news\s+release|interview|letter|report))\s*$/iu;
const COMPARISON_BEFORE = [
  /\b(?:compared\s+(?:with|to)|versus|vs\.?|against|than)\b[^,;:]*$/iu,
  // "from <a figure> in 1986", but not a range start such as "from 1985 to 1986".
  /\bfrom\s+(?!(?:1[89]|20)\d\d\b)[^,;:\p{Lu}]*\d[^,;:]*$/u,
  /\bsame\s+(?:period|time|stage|month|quarter|week|day|point)\b[^,;:]*$/iu,
];

/** The role of the date expression starting at `start` (its lead-in included) in a sentence. */
export function mentionRole(sentence: string, start: number): MentionRole {
  const before = sentence.slice(Math.max(0, start - 80), start);
  if (COMPARISON_BEFORE.some((pattern) => pattern.test(before))) return "comparison";
  if (REPORTING_BEFORE.test(before)) return "reporting";
  return "event";
}

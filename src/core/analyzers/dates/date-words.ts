/** A month name or abbreviation as chrono reads it (any case). */
export const MONTH_WORD =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/giu;

/** A weekday name or abbreviation as chrono reads it (any case). */
export const WEEKDAY_WORD = /\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b/giu;

/** True when every month and weekday name in a text is capitalised ("May 5", not "may rise"). */
export function namesCapitalised(text: string): boolean {
  for (const pattern of [MONTH_WORD, WEEKDAY_WORD]) {
    for (const match of text.matchAll(pattern)) {
      const first = match[0][0] ?? "";
      if (first === first.toLowerCase()) return false;
    }
  }
  return true;
}

/** True when a text holds a month or weekday name. */
export function hasDateName(text: string): boolean {
  MONTH_WORD.lastIndex = 0;
  WEEKDAY_WORD.lastIndex = 0;
  return MONTH_WORD.test(text) || WEEKDAY_WORD.test(text);
}

// These run on every sentence: ASCII-only patterns without the `u` flag, which makes
// case-insensitive matching several times slower in V8.
// Capitalised month and weekday names, years, numeric dates.
const CASED =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|\b(?:1[89]|20)\d\d\b|\d[/-]\d|\bQ[1-4]\b/;
const RELATIVE_WORDS =
  /\b(?:to(?:day|night|morrow)|yesterday|ago|Christmas|Easter|Halloween|Thanksgiving|New Year|days?|weeks?|weekend|fortnights?|months?|years?|quarter|half|nineteen|thousand|morning|afternoon|evening|night|spring|summer|fall|autumn)\b/i;
// A month name in any case before a number: "APRIL 7", "april 7".
const MONTH_BEFORE_NUMBER = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;

/**
 * A cheap test that a sentence may hold a date expression; most news sentences do
 * not, and this spares them the regular expressions of every rule and chrono's parsers.
 */
export function mayMentionDate(sentence: string): boolean {
  return CASED.test(sentence) || RELATIVE_WORDS.test(sentence) || MONTH_BEFORE_NUMBER.test(sentence);
}

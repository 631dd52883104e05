// Capitalised month and weekday names, years, numeric dates.
const CASED =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|\b(?:1[89]|20)\d\d\b|\d[/-]\d/u;
const RELATIVE_WORDS =
  /\b(?:to(?:day|night|morrow)|yesterday|ago|days?|weeks?|weekend|fortnights?|months?|years?|quarter|morning|afternoon|evening|night)\b/iu;
// What chrono reads that no other rule does: names, numeric dates, and yesterday/today/tomorrow.
const CHRONO_WORDS =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|\d[/-]\d/u;
const CHRONO_CASUAL = /\b(?:to(?:day|night|morrow)|yesterday|last\s+night)\b/iu;

/**
 * A cheap test that a sentence may hold a date expression; most news sentences do
 * not, and this spares them the regular expressions of every rule and chrono's parsers.
 */
export function mayMentionDate(sentence: string): boolean {
  return CASED.test(sentence) || RELATIVE_WORDS.test(sentence);
}

/** A cheap test that chrono could find something the other rules do not. */
export function chronoMayApply(sentence: string): boolean {
  return CHRONO_WORDS.test(sentence) || CHRONO_CASUAL.test(sentence);
}

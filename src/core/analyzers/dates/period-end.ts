// ASCII, no `u` flag: it runs on every date found. "the quarter ended Sept. 30", "the
// six months ending on Aug. 12", "the first quarter, ended Nov. 30", "the year that ended
// June 30" — a period noun, not any verb: "a meeting ended last night" closes nothing.
const ENDED_BEFORE =
  /\b(?:quarter|half|year|period|months?|weeks?)\s*,?\s+(?:that\s+|which\s+)?(?:ended|ending)(?:\s+on)?\s+$/i;

/**
 * Whether the date at `[start, end)` closes an accounting period: "for the quarter
 * ended Sept. 30". Results "a year earlier" then compare with the period that closed the
 * same day a year before (see `resolveOffset`), not with some day of that year.
 */
export function endsPeriod(sentence: string, start: number, end: number): boolean {
  // A day written in figures ("Sept. 30"): not "last night", not a weekday.
  if (!/\d/.test(sentence.slice(start, end))) return false;
  return ENDED_BEFORE.test(sentence.slice(Math.max(0, start - 40), start));
}

// ASCII, no `u` flag: it runs on every date found. "the quarter ended Sept. 30", "the
// six months ending on Aug. 12", "the year that ended June 30".
const ENDED_BEFORE = /\b(?:ended|ending)(?:\s+on)?\s+$/i;

/**
 * Whether the date starting at `start` closes an accounting period: "for the quarter
 * ended Sept. 30". Results "a year earlier" then compare with the period that closed the
 * same day a year before (see `resolveOffset`), not with some day of that year.
 */
export function endsPeriod(sentence: string, start: number): boolean {
  return ENDED_BEFORE.test(sentence.slice(Math.max(0, start - 16), start));
}

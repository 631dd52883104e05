import { dayNumber } from "./calendar-day.js";
import type { PartialDate } from "./partial-date.js";
import type { PublicationReference } from "./publication-reference.js";
import type { Tense } from "./tense.js";

/** How far after publication a yearless date in a past-tense sentence is still read as upcoming. */
export const UPCOMING_DAYS = 62;

/**
 * The year of a month (and maybe day) written without one, as a news report means it:
 * in the past, the latest such date at or before publication ("in July" in a September
 * article is this July), unless it is the month right after publication or a day
 * within two months after it; in the future, the first at or after it; with no clear tense,
 * the nearest one ("goes live on July 1" in a June article), the past winning ties.
 * Against a publication known only by its year, that year.
 */
export function resolveYearless(
  month: number,
  day: number | undefined,
  reference: PublicationReference,
  tense: Tense,
): PartialDate {
  const refYear = reference.date.year;
  const make = (year: number): PartialDate => (day === undefined ? { year, month } : { year, month, day });
  if (reference.date.month === undefined) return make(refYear);
  // Compared at the precision both sides have: a month with the publication's month, a day with its day.
  const refMonth = reference.date.month;
  const refDay = day === undefined ? undefined : reference.date.day;
  const cmp = month - refMonth || (refDay === undefined || day === undefined ? 0 : day - refDay);
  if (tense === "past") {
    // The month right after publication is the coming one: a report naming a month gone
    // eleven months ago would say "last October" or write its year.
    if (day === undefined && month === (refMonth % 12) + 1) return make(month === 1 ? refYear + 1 : refYear);
    if (cmp <= 0 || day === undefined) return make(refYear - (cmp <= 0 ? 0 : 1));
    // A report names a day ten months back with its year; a day within weeks ahead of
    // publication is an upcoming one, whatever the verb ("announced … an event on October 12").
    const ahead = dayNumber({ year: refYear, month, day: day ?? 1 }) - dayNumber(reference.day);
    return make(ahead <= UPCOMING_DAYS ? refYear : refYear - 1);
  }
  if (tense === "future") return make(cmp >= 0 ? refYear : refYear + 1);
  const candidates = [refYear - 1, refYear, refYear + 1];
  const target = dayNumber(reference.day);
  const spread = (year: number): number =>
    Math.abs(dayNumber({ year, month, day: Math.min(day ?? 15, 28) }) - target);
  let best = refYear;
  for (const year of candidates) {
    const closer = spread(year) < spread(best);
    const tieToPast = spread(year) === spread(best) && year < best;
    if (closer || tieToPast) best = year;
  }
  return make(best);
}

import { addDays, type CalendarDay, dayNumber } from "./calendar-day.js";
import { firstDay, lastDay, type PartialDate } from "./partial-date.js";

/** The middle day of a period, the best single-day estimate of a date known to a month or a year. */
export function middleDay(date: PartialDate): CalendarDay {
  const from = firstDay(date);
  return addDays(from, Math.floor((dayNumber(lastDay(date)) - dayNumber(from)) / 2));
}

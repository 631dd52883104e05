/** A day of the proleptic Gregorian calendar, with no time or time zone. */
export interface CalendarDay {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

// Howard Hinnant's days-from-civil algorithms: exact for the proleptic Gregorian
// calendar, and several times faster than going through Date.UTC on a large corpus.

/** Days since 1970-01-01 (negative before), for arithmetic and comparison. */
export function dayNumber(day: CalendarDay): number {
  const y = day.month <= 2 ? day.year - 1 : day.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (day.month + (day.month > 2 ? -3 : 9)) + 2) / 5) + day.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The day a day number stands for. */
export function fromDayNumber(n: number): CalendarDay {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The day `n` days later (earlier when negative). */
export function addDays(day: CalendarDay, n: number): CalendarDay {
  return fromDayNumber(dayNumber(day) + n);
}

/** The same day `n` months later, clamped to the month's last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(day: CalendarDay, n: number): CalendarDay {
  const index = day.year * 12 + (day.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

/** Number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as in chrono and `Date#getDay`). */
export function weekdayOf(day: CalendarDay): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

/** True when the numbers name a real day (no 31 April, no 29 February 2025). */
export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

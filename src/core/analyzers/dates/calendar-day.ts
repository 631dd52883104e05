/** A day of the proleptic Gregorian calendar, with no time or time zone. */
export interface CalendarDay {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (negative before), for arithmetic and comparison. */
export function dayNumber(day: CalendarDay): number {
  return Math.round(Date.UTC(day.year, day.month - 1, day.day) / MS_PER_DAY);
}

/** The day a day number stands for. */
export function fromDayNumber(n: number): CalendarDay {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
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

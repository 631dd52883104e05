import { addDays, type CalendarDay, dayNumber, daysInMonth, weekdayOf } from "./calendar-day.js";
import type { Candidate, Resolution, ResolveContext } from "./candidate.js";
import { UPCOMING_DAYS } from "./yearless-date.js";

// ASCII patterns without the `u` flag, like the other rules that run on many sentences.
const HOLIDAY =
  /\b(?:(?:on|by|until|since|before|after|over|at|for)\s+)?(Christmas(?:\s+Eve|\s+Day)?|New\s+Year['’]s(?:\s+Eve|\s+Day)?|Independence\s+Day|Halloween|Valentine['’]s\s+Day|Thanksgiving(?:\s+Day)?|Election\s+Day|Labor\s+Day|Memorial\s+Day|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday)(?![A-Za-z])(?:\s+(19\d\d|20\d\d)\b)?/g;
const QUICK =
  /Christmas|New Year|Independence Day|Halloween|Valentine|Thanksgiving|Election Day|Labor Day|Memorial Day|Easter|Good Friday/;

/** The `n`-th (1-based) weekday of a month; `n` = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CalendarDay {
  if (n < 0) {
    const end = { year, month, day: daysInMonth(year, month) };
    return addDays(end, -((weekdayOf(end) - weekday + 7) % 7));
  }
  const first = { year, month, day: 1 };
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1));
}

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
function easter(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** The day a holiday falls on in a year (United States holidays where countries differ). */
export function holidayDay(name: string, year: number): CalendarDay | undefined {
  const key = name.replace(/\s+/g, " ").replace("’", "'").toLowerCase();
  if (key.startsWith("christmas eve")) return { year, month: 12, day: 24 };
  if (key.startsWith("christmas")) return { year, month: 12, day: 25 };
  if (key === "new year's eve") return { year, month: 12, day: 31 };
  if (key.startsWith("new year's")) return { year, month: 1, day: 1 };
  if (key === "independence day") return { year, month: 7, day: 4 };
  if (key === "halloween") return { year, month: 10, day: 31 };
  if (key === "valentine's day") return { year, month: 2, day: 14 };
  if (key.startsWith("thanksgiving")) return nthWeekday(year, 11, 4, 4);
  // The Tuesday after the first Monday of November.
  if (key === "election day") return addDays(nthWeekday(year, 11, 1, 1), 1);
  if (key === "labor day") return nthWeekday(year, 9, 1, 1);
  if (key === "memorial day") return nthWeekday(year, 5, 1, -1);
  if (key === "good friday") return addDays(easter(year), -2);
  if (key === "easter monday") return addDays(easter(year), 1);
  if (key.startsWith("easter")) return easter(year);
  return undefined;
}

function resolveHoliday(name: string, written: number | undefined) {
  return (context: ResolveContext): Resolution | undefined => {
    if (written !== undefined) {
      const day = holidayDay(name, written);
      return day === undefined ? undefined : { date: { ...day }, day, basis: "text" };
    }
    const reference = context.reference;
    if (reference === undefined) return undefined;
    const year = reference.day.year;
    const thisYear = holidayDay(name, year);
    if (thisYear === undefined) return undefined;
    // As a yearless month: the one at or before publication in the past tense, the one
    // at or after it in the future; with no clear tense the nearer of the two.
    const today = dayNumber(reference.day);
    const before = dayNumber(thisYear) <= today ? thisYear : holidayDay(name, year - 1);
    const after = dayNumber(thisYear) >= today ? thisYear : holidayDay(name, year + 1);
    if (before === undefined || after === undefined) return undefined;
    // A past sentence names a holiday a year back as "last Easter"; one weeks ahead is the
    // coming one ("as Easter week began", "pledged to pass a bill before Easter"), as for a
    // day written without a year.
    const coming = dayNumber(after) - today <= UPCOMING_DAYS;
    let day = context.tense === "future" || coming ? after : before;
    if (context.tense === "unknown" && dayNumber(after) - today < today - dayNumber(before)) day = after;
    const resolution: Resolution = { date: { ...day }, day, basis: "publication" };
    // A day counted from a publication known only to the month or year is not a day one can print.
    if (reference.precision !== "day") {
      resolution.date =
        reference.precision === "month" ? { year: day.year, month: day.month } : { year: day.year };
      resolution.approximate = true;
    }
    return resolution;
  };
}

/**
 * Holidays: "Thanksgiving Day", "on Christmas Eve", "Election Day 1998", "Easter". Fixed
 * ones by their date, movable ones computed (Thanksgiving the fourth Thursday of
 * November, Easter by the computus); the year, when not written, taken from the
 * publication by tense like a month written without one.
 */
export function findHolidays(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(HOLIDAY)) {
    const name = match[1] ?? "";
    const start = match.index + match[0].indexOf(name);
    const written = match[2] === undefined ? undefined : Number(match[2]);
    found.push({
      start,
      end: match.index + match[0].length,
      rule: "holiday",
      resolve: resolveHoliday(name, written),
    });
  }
  return found;
}

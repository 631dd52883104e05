import { addDays, addMonths, type CalendarDay } from "./calendar-day.js";
import { containingPartial, type PartialDate, truncate } from "./partial-date.js";

/** A unit of time that relative expressions count in. */
export type TimeUnit = "day" | "week" | "month" | "year";

/** The unit a word names: "days" → day, "fortnight" → week (counted twice), "morning" → day. */
export function unitOf(word: string): { unit: TimeUnit; factor: number } | undefined {
  const w = word.toLowerCase().replace(/s$/u, "");
  if (w === "fortnight") return { unit: "week", factor: 2 };
  if (w === "day" || w === "morning" || w === "afternoon" || w === "evening" || w === "night") {
    return { unit: "day", factor: 1 };
  }
  if (w === "week" || w === "month" || w === "year") return { unit: w, factor: 1 };
  return undefined;
}

const SMALL_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  "a couple of": 2,
};

/** The count a word gives ("two", "12", "a"), or undefined for a vague one ("several", "a few"). */
export function countOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase().replace(/\s+/gu, " ");
  if (/^\d+$/u.test(w)) return Number(w);
  return SMALL_NUMBERS[w];
}

/** The day `n` units after `day` (before when negative). */
export function shiftDay(day: CalendarDay, unit: TimeUnit, n: number): CalendarDay {
  if (unit === "day") return addDays(day, n);
  if (unit === "week") return addDays(day, 7 * n);
  return addMonths(day, unit === "month" ? n : 12 * n);
}

/**
 * The partial date a counted unit supports around a day: a day for days, the month or
 * year holding the surrounding week for weeks, the month for months, the year for years.
 * A vague count ("weeks before", "several months ago") is an estimate one step coarser:
 * days and weeks give the month, months the year.
 */
export function periodAround(day: CalendarDay, unit: TimeUnit, vague: boolean): PartialDate {
  if (vague) return truncate(day, unit === "day" || unit === "week" ? "month" : "year");
  if (unit === "day") return { ...day };
  if (unit === "week") return containingPartial(addDays(day, -3), addDays(day, 3)) ?? { year: day.year };
  return truncate(day, unit);
}

import { type CalendarDay, dayNumber, daysInMonth } from "./calendar-day.js";

/** How much of a date the text gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type Precision = "year" | "month" | "day";

/** A date known only to some precision: the fields past it are absent. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };
const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined for anything else or an impossible date. */
export function parsePartialDate(iso: string): PartialDate | undefined {
  const match = ISO_PARTIAL.exec(iso.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Writes a partial date as ISO 8601: `2025`, `2025-01`, `2025-01-26`. */
export function formatPartialDate(date: PartialDate): string {
  const year = String(date.year).padStart(4, "0");
  if (date.month === undefined) return year;
  const month = String(date.month).padStart(2, "0");
  if (date.day === undefined) return `${year}-${month}`;
  return `${year}-${month}-${String(date.day).padStart(2, "0")}`;
}

/** The precision of a partial date. */
export function precisionOf(date: PartialDate): Precision {
  if (date.month === undefined) return "year";
  return date.day === undefined ? "month" : "day";
}

/** The coarser of two precisions. */
export function coarser(a: Precision, b: Precision): Precision {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Negative when `a` is coarser than `b`, 0 when equal. */
export function comparePrecision(a: Precision, b: Precision): number {
  return RANK[a] - RANK[b];
}

/** A day cut down to a precision: 2025-01-26 at `month` → 2025-01. */
export function truncate(date: PartialDate, precision: Precision): PartialDate {
  if (precision === "year" || date.month === undefined) return { year: date.year };
  if (precision === "month" || date.day === undefined) return { year: date.year, month: date.month };
  return { year: date.year, month: date.month, day: date.day };
}

/** The first day of the period a partial date names. */
export function firstDay(date: PartialDate): CalendarDay {
  return { year: date.year, month: date.month ?? 1, day: date.day ?? 1 };
}

/** The last day of the period a partial date names. */
export function lastDay(date: PartialDate): CalendarDay {
  const month = date.month ?? 12;
  return { year: date.year, month, day: date.day ?? daysInMonth(date.year, month) };
}

/** True when the period of `outer` includes the whole period of `inner` (2025 ⊇ 2025-01-26). */
export function containsDate(outer: PartialDate, inner: PartialDate): boolean {
  return (
    dayNumber(firstDay(outer)) <= dayNumber(firstDay(inner)) &&
    dayNumber(lastDay(inner)) <= dayNumber(lastDay(outer))
  );
}

/**
 * The most precise partial date whose period holds every day from `from` to `to`:
 * a week inside one month gives `YYYY-MM`, one across two months `YYYY`, one across
 * two years nothing (no ISO partial date holds it).
 */
export function containingPartial(from: CalendarDay, to: CalendarDay): PartialDate | undefined {
  if (from.year !== to.year) return undefined;
  if (from.month !== to.month) return { year: from.year };
  if (from.day !== to.day) return { year: from.year, month: from.month };
  return { ...from };
}

/**
 * Orders partial dates by the start of their period, a coarser date first when two
 * periods start on the same day: 2025 < 2025-01 < 2025-01-01 < 2025-01-26 < 2025-02.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return dayNumber(firstDay(a)) - dayNumber(firstDay(b)) || comparePrecision(precisionOf(a), precisionOf(b));
}

import { addDays, type CalendarDay, weekdayOf } from "./calendar-day.js";
import type { Tense } from "./tense.js";

/** The word before a weekday that picks its week. */
export type WeekdayModifier = "last" | "next" | "this" | undefined;

/**
 * The day a weekday name means, seen from the publication day: "last Monday" the latest
 * one strictly before, "next Monday" the first strictly after; otherwise, in a past
 * sentence the latest on or before publication ("By Monday, Colombia announced…" in a
 * Monday article is that Monday; "Sunday" the day before), in a future one the first
 * after, and with no clear tense the nearest one, the past winning ties.
 */
export function resolveWeekday(
  weekday: number,
  publication: CalendarDay,
  tense: Tense,
  modifier: WeekdayModifier,
): CalendarDay {
  const back = (weekdayOf(publication) - weekday + 7) % 7; // days back to the latest on or before
  const forward = (weekday - weekdayOf(publication) + 7) % 7 || 7; // days to the first strictly after
  if (modifier === "last") return addDays(publication, -(back || 7));
  if (modifier === "next") return addDays(publication, forward);
  if (tense === "future") return addDays(publication, forward);
  if (tense === "past" || back <= forward) return addDays(publication, -back);
  return addDays(publication, forward);
}

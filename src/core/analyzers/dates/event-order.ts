import { dayNumber } from "./calendar-day.js";
import { firstDay, parsePartialDate, precisionOf } from "./partial-date.js";
import type { DatedEvent } from "./types.js";

const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

/** The numbers events are ordered by, computed once per event. */
export interface EventSortKey {
  /** First day of the date's period (day number); unreadable dates sort last. */
  start: number;
  /** 0 year, 1 month, 2 day: a coarser date first when two periods start together. */
  precision: number;
  /** The single-day estimate (day number), or `start` when there is none. */
  estimate: number;
  passageId: number;
}

/** The sort key of an event. */
export function eventSortKey(event: DatedEvent): EventSortKey {
  const date = parsePartialDate(event.date);
  if (date === undefined) {
    return { start: Number.MAX_SAFE_INTEGER, precision: 0, estimate: 0, passageId: event.passageId };
  }
  const start = dayNumber(firstDay(date));
  const estimate = event.estimate === undefined ? undefined : parsePartialDate(event.estimate);
  return {
    start,
    precision: PRECISION_RANK[precisionOf(date)],
    estimate: estimate === undefined ? start : dayNumber(firstDay(estimate)),
    passageId: event.passageId,
  };
}

/**
 * The timeline order: by the start of each date's period; when two periods start on
 * the same day, the coarser first (2025 before 2025-01 before 2025-01-01); then by the
 * best single-day estimate (so "weeks before" sorts before "by the next day" within the
 * same month); then by passage, i.e. document order.
 */
export function compareSortKeys(a: EventSortKey, b: EventSortKey): number {
  return (
    a.start - b.start || a.precision - b.precision || a.estimate - b.estimate || a.passageId - b.passageId
  );
}

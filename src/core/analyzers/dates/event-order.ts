import { dayNumber } from "./calendar-day.js";
import { firstDay, lastDay, parsePartialDate, precisionOf } from "./partial-date.js";
import type { DatedEvent } from "./types.js";

const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

/** The numbers events are ordered by, computed once per event. */
export interface EventSortKey {
  /** Last day of the date's period (day number); unreadable dates sort last. */
  end: number;
  /** 0 year, 1 month, 2 day: a finer date first when two periods end together. */
  precision: number;
  /** The single-day estimate (day number), or the period's first day when there is none. */
  estimate: number;
  passageId: number;
}

/** The sort key of an event. */
export function eventSortKey(event: DatedEvent): EventSortKey {
  const date = parsePartialDate(event.date);
  if (date === undefined) {
    return { end: Number.MAX_SAFE_INTEGER, precision: 0, estimate: 0, passageId: event.passageId };
  }
  const start = dayNumber(firstDay(date));
  const estimate = event.estimate === undefined ? undefined : parsePartialDate(event.estimate);
  const latest = event.latest === undefined ? undefined : parsePartialDate(event.latest);
  const end = dayNumber(lastDay(date));
  return {
    end: latest === undefined ? end : Math.max(start, Math.min(end, dayNumber(firstDay(latest)))),
    precision: PRECISION_RANK[precisionOf(date)],
    estimate: estimate === undefined ? start : dayNumber(firstDay(estimate)),
    passageId: event.passageId,
  };
}

/**
 * The timeline order. A coarse date must not pretend to be earlier than the days it
 * holds, so every date sits at the end of its period: "sometime in 2025" after every
 * event dated within 2025 and before 2026, "sometime in January 2025" after January 31
 * (2025-01-31 < 2025-01 < 2025-02-01 < 2025), or at the latest day it can be when that
 * is known to be earlier (`latest`: a past event inferred from an article's publication
 * date sits at that day). Dates ending on the same day go finer
 * first, then by the best single-day estimate (so "weeks before" sorts before "by the
 * next day" within the same month), then by passage, i.e. the narrative order.
 */
export function compareSortKeys(a: EventSortKey, b: EventSortKey): number {
  return a.end - b.end || b.precision - a.precision || a.estimate - b.estimate || a.passageId - b.passageId;
}

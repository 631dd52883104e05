import type { CalendarDay } from "./calendar-day.js";
import type { Resolution, ResolveContext } from "./candidate.js";
import { coarser, type PartialDate, type Precision, precisionOf, truncate } from "./partial-date.js";
import { periodAround, shiftDay, type TimeUnit } from "./time-unit.js";

/** A relative expression as counted units from a base: "three days later", "weeks before the current crisis". */
export interface Offset {
  /** `publication` for "ago"/"before the current…", `narrative` for "later", "the next day", "that morning". */
  base: "publication" | "narrative";
  /** -1 back, 0 same, +1 forward. */
  direction: -1 | 0 | 1;
  unit: TimeUnit;
  /** Number of units; undefined when vague ("weeks", "several months"). */
  count: number | undefined;
}

// How many units a vague plural stands for: "weeks before" ≈ three weeks. Vague years are not estimated.
const VAGUE_COUNT: Partial<Record<TimeUnit, number>> = { day: 3, week: 3, month: 3 };

function cap(date: PartialDate, precision: Precision): PartialDate {
  return truncate(date, coarser(precisionOf(date), precision));
}

/**
 * The same day whole years before an anchor that closes an accounting period, given in
 * the same sentence:
 * "for the quarter ended Sept. 30, … up from $100 million a year earlier" compares with
 * the quarter that ended Sept. 30 the year before. "Ago" counts from the publication,
 * except right after such a day in the same sentence, where it is the same comparison.
 */
function samePeriodEnd(offset: Offset, context: ResolveContext): Resolution | undefined {
  const anchor = context.anchor;
  // Only back: results compare with the past ("a year later" tells what came next).
  if (offset.unit !== "year" || offset.count === undefined || offset.direction !== -1) return undefined;
  if (anchor?.periodEnd !== true || anchor.date.day === undefined) return undefined;
  if (context.anchorInSentence !== true) return undefined;
  const day = shiftDay(anchor.day, "year", offset.direction * offset.count);
  const resolution: Resolution = { date: { ...day }, day, basis: "narrative" };
  if (anchor.approximate === true) resolution.approximate = true;
  return resolution;
}

/**
 * Resolves an offset. Whole years back from the close of an accounting period land on
 * the same day (see `samePeriodEnd`). Otherwise from the narrative anchor when there is
 * one, at no finer a precision than the anchor's. Without an anchor, a narrative offset is read against
 * the publication, as news narrates recent events — but only to the month, and marked
 * approximate: "by the next day" with no day mentioned before means "recently", and the
 * next day of an unknown day is not a day one can print. Forward or same-time offsets
 * then stay at the publication (the story reports them as done).
 */
export function resolveOffset(offset: Offset, context: ResolveContext): Resolution | undefined {
  const periodEnd = samePeriodEnd(offset, context);
  if (periodEnd !== undefined) return periodEnd;
  const vague = offset.count === undefined;
  const n = offset.count ?? VAGUE_COUNT[offset.unit];
  if (n === undefined) return undefined;
  const steps = offset.direction * n;
  const anchor = offset.base === "narrative" ? context.anchor : undefined;
  if (anchor !== undefined) {
    const day = shiftDay(anchor.day, offset.unit, steps);
    const resolution: Resolution = {
      date: cap(periodAround(day, offset.unit, vague), precisionOf(anchor.date)),
      day,
      basis: "narrative",
    };
    if (vague || anchor.approximate === true) resolution.approximate = true;
    return resolution;
  }
  const reference = context.reference;
  if (reference === undefined) return undefined;
  if (offset.base === "publication") {
    const day = shiftDay(reference.day, offset.unit, steps);
    const resolution: Resolution = {
      date: cap(periodAround(day, offset.unit, vague), reference.precision),
      day,
      basis: "publication",
    };
    if (vague) resolution.approximate = true;
    return resolution;
  }
  const day: CalendarDay = steps < 0 ? shiftDay(reference.day, offset.unit, steps) : reference.day;
  const date = cap(cap(periodAround(day, offset.unit, vague), "month"), reference.precision);
  return { date, day, basis: "publication", approximate: true };
}

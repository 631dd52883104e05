import type { CalendarDay } from "./calendar-day.js";
import {
  coarser,
  type PartialDate,
  type Precision,
  parsePartialDate,
  precisionOf,
  truncate,
} from "./partial-date.js";
import { middleDay } from "./period-estimate.js";

/** The publication date that relative expressions are resolved against. */
export interface PublicationReference {
  /** The publication date as known: `2025-01-27`, or only `2025-01`, or only `2025`. */
  date: PartialDate;
  precision: Precision;
  /**
   * The day arithmetic starts from: the publication day, or the middle of the month
   * or year when only those are known (so "yesterday" stays inside the right month).
   */
  day: CalendarDay;
}

/** The reference of an article published on `published` (ISO partial), or undefined when unknown. */
export function publicationReference(published: string | undefined): PublicationReference | undefined {
  if (published === undefined) return undefined;
  // Sentences come document by document: the last answer is nearly always the one asked for.
  if (last?.published === published) return last.reference;
  const reference = readReference(published);
  last = { published, reference };
  return reference;
}

let last: { published: string; reference: PublicationReference | undefined } | undefined;

function readReference(published: string): PublicationReference | undefined {
  const date = parsePartialDate(published);
  if (date === undefined) return undefined;
  return { date, precision: precisionOf(date), day: middleDay(date) };
}

/**
 * A date computed from the reference day, cut to what both the expression and the
 * publication date support: "yesterday" against a publication known only as `2025-01`
 * gives `2025-01`, not an invented day.
 */
export function relativeToReference(
  reference: PublicationReference,
  day: CalendarDay,
  precision: Precision,
): PartialDate {
  return truncate(day, coarser(precision, reference.precision));
}

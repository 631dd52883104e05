import type { CalendarDay } from "./calendar-day.js";
import type { PartialDate } from "./partial-date.js";
import type { PublicationReference } from "./publication-reference.js";
import type { Tense } from "./tense.js";

/**
 * What a resolved date rests on: the `text` alone ("July 2026"), the `publication`
 * date ("yesterday", "in July", "Sunday"), or an earlier date of the `narrative`
 * ("the next day", "that very morning").
 */
export type DateBasis = "text" | "publication" | "narrative";

/** The last date the narrative settled on, which "the next day" or "that morning" follow. */
export interface NarrativeAnchor {
  date: PartialDate;
  /** Best single-day estimate inside `date`. */
  day: CalendarDay;
  /** True when `date` was itself an estimate, so anything counted from it is too. */
  approximate?: boolean;
  /** True when the day closes an accounting period ("the quarter ended Sept. 30"). */
  periodEnd?: boolean;
}

/** What a rule needs to resolve its expression. */
export interface ResolveContext {
  readonly reference: PublicationReference | undefined;
  readonly anchor: NarrativeAnchor | undefined;
  /** The year of a date written right before this one, which frames it: "In 2023, on March 14". */
  readonly frameYear: number | undefined;
  /** The tense around the expression (computed on demand). */
  readonly tense: Tense;
  /** True when `anchor` was given by this same sentence ("For the quarter ended Sept. 30, … a year ago"). */
  readonly anchorInSentence?: boolean;
}

/** A resolved expression. */
export interface Resolution {
  date: PartialDate;
  /** Best single-day estimate inside `date`, for ordering and for anchoring what follows. */
  day: CalendarDay;
  basis: DateBasis;
  /** True for an estimate rather than a reading ("weeks before" → a month). */
  approximate?: boolean;
}

/** A date expression a rule found in a sentence, not yet resolved. */
export interface Candidate {
  /** Offsets of the expression proper, without lead-in words. */
  start: number;
  end: number;
  /** The rule that found it, e.g. `chrono`, `bare-year`, `relative-offset`. */
  rule: string;
  resolve(context: ResolveContext): Resolution | undefined;
}

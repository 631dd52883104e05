import type { DateBasis } from "./candidate.js";
import type { MentionRole } from "./mention-role.js";

/** A date expression found in a sentence, resolved against the publication date. */
export interface DateMention {
  /** The expression as written, e.g. "Earlier in 2025", "by the next day". */
  text: string;
  /** Offsets of the expression in the sentence. */
  start: number;
  end: number;
  /** ISO partial date whose precision matches the text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  /** Offsets of the expression proper, without lead-in words: "2025" in "Earlier in 2025". */
  coreStart: number;
  coreEnd: number;
  /** Whether it dates the reported event, the reporting of it, or a comparison baseline. */
  role: MentionRole;
  /** What the date rests on: the text alone, the publication date, or an earlier date of the story. */
  basis: DateBasis;
  /** Present (true) when `date` is an estimate ("weeks before" → a month) rather than a reading. */
  approximate?: true;
  /** Best single-day estimate inside `date` (`YYYY-MM-DD`), for ordering events that share a date. */
  estimate: string;
  /** The rule that found it: `chrono`, `bare-year`, `relative-offset`, `sequence-words`, `deictic-period`. */
  rule: string;
}

/** A dated statement: a sentence and the date it speaks of. */
export interface DatedEvent {
  passageId: number;
  /** ISO partial date of the event. */
  date: string;
  /** The expression as written; absent when the date is only the publication date. */
  dateText?: string;
  /** Best single-day estimate inside `date` (`YYYY-MM-DD`), for ordering events that share a date. */
  estimate?: string;
  /** Present (true) when `date` is an estimate rather than a reading of the text. */
  approximate?: true;
  /** Present (true) when the sentence states no date and `date` comes from its context (see `inferDates`). */
  dateInferred?: true;
  /**
   * The latest day (`YYYY-MM-DD`) the event can be on, when earlier than the end of
   * `date`: a past event reported by an article was over by its publication day.
   */
  latest?: string;
}

/** The same event reported by one or more passages (e.g. two articles). */
export interface EventGroup {
  date: string;
  dateText?: string;
  /** Present (true) when the shown passage states no date and `date` comes from its context. */
  dateInferred?: true;
  /** The reporting passages, the first being the one shown. */
  passageIds: number[];
}

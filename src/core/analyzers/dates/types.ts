/** A date expression found in a sentence, resolved against the publication date. */
export interface DateMention {
  /** The expression as written, e.g. "Earlier in 2025", "by the next day". */
  text: string;
  /** Offsets of the expression in the sentence. */
  start: number;
  end: number;
  /** ISO partial date whose precision matches the text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
}

/** A dated statement: a sentence and the date it speaks of. */
export interface DatedEvent {
  passageId: number;
  /** ISO partial date of the event. */
  date: string;
  /** The expression as written; absent when the date is only the publication date. */
  dateText?: string;
}

/** The same event reported by one or more passages (e.g. two articles). */
export interface EventGroup {
  date: string;
  dateText?: string;
  /** The reporting passages, the first being the one shown. */
  passageIds: number[];
}

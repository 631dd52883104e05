import { findDates } from "../../../../src/core/analyzers/dates/find-dates.js";

/** The expressions found in a sentence, as `text → date`. */
export function read(sentence: string, published: string | undefined): string[] {
  return findDates(sentence, published).map((m) => `${m.text} → ${m.date}`);
}

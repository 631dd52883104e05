import { addDays, dayNumber } from "./calendar-day.js";
import type { Resolution } from "./candidate.js";
import { firstDay } from "./partial-date.js";
import type { PublicationReference } from "./publication-reference.js";

// ASCII, no `u` flag: it runs on every date chrono finds. "since Tuesday", "ever since
// March", "since mid-December", "since early Monday".
const SINCE_BEFORE = /\bsince\s+(?:(?:early|late|mid)\s*-?\s*)?$/i;

/** Whether the date starting at `start` is what something has lasted since. */
export function followsSince(sentence: string, start: number): boolean {
  return SINCE_BEFORE.test(sentence.slice(Math.max(0, start - 16), start));
}

/**
 * "Since Tuesday", "since December": what a state has lasted since began by publication,
 * whatever the verbs say ("has been in hospital since Tuesday" has no past verb). A
 * weekday read after publication goes back a week; a month or day written without a
 * year goes back a year. A date whose year is written is left as it is.
 */
export function notAfterPublication(
  resolution: Resolution,
  reference: PublicationReference | undefined,
  weekday: boolean,
): Resolution {
  if (reference?.precision !== "day" || resolution.basis === "text") return resolution;
  if (dayNumber(firstDay(resolution.date)) <= dayNumber(reference.day)) return resolution;
  if (weekday) {
    const day = addDays(resolution.day, -7);
    return { ...resolution, date: { ...day }, day };
  }
  const date = { ...resolution.date, year: resolution.date.year - 1 };
  return { ...resolution, date, day: { ...resolution.day, year: resolution.day.year - 1 } };
}

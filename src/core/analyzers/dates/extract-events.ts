// PLACEHOLDER: the dates analyzer replaces this file.
import type { Passage } from "../../index/passages.js";
import type { DatedEvent, EventGroup } from "./types.js";

/** Finds the dated statements among passages, resolved against each document's publication date. */
export function extractEvents(_passages: readonly Passage[]): DatedEvent[] {
  return [];
}

/** Orders events by date and merges the same event reported by several passages. */
export function groupEvents(events: readonly DatedEvent[], _passages: readonly Passage[]): EventGroup[] {
  return events.map((e) => ({
    date: e.date,
    ...(e.dateText !== undefined && { dateText: e.dateText }),
    passageIds: [e.passageId],
  }));
}

import type { Passage } from "../../index/passages.js";
import { passageText } from "../../index/passages.js";
import { dayNumber } from "../dates/calendar-day.js";
import { extractEvents } from "../dates/extract-events.js";
import { firstDay, lastDay, parsePartialDate } from "../dates/partial-date.js";
import type { DatedEvent } from "../dates/types.js";
import { inferDates } from "./inferred-dates.js";
import { statementKind } from "./statement-kind.js";

/**
 * Every event of a timeline: the dated statements (`extractEvents`), then the sentences
 * whose date comes from their context (`inferDates`). A past event dated by a period
 * that runs past the article's publication ("this week", "2025" in a September story)
 * was over by the publication day: it is bounded there (`latest`), so that the timeline
 * does not place it after later news.
 */
export function timelineEvents(passages: readonly Passage[]): DatedEvent[] {
  const dated = extractEvents(passages);
  const byId = new Map<number, Passage>();
  for (const passage of passages) byId.set(passage.id, passage);
  for (const event of dated) {
    const passage = byId.get(event.passageId);
    const published = passage?.document.published;
    const day = published === undefined ? undefined : parsePartialDate(published);
    const date = parsePartialDate(event.date);
    if (passage === undefined || day?.day === undefined || date === undefined || published === undefined)
      continue;
    const today = dayNumber(firstDay(day));
    if (dayNumber(firstDay(date)) > today || dayNumber(lastDay(date)) <= today) continue;
    if (statementKind(passageText(passage)) !== "background") event.latest = published;
  }
  return [...dated, ...inferDates(passages, dated)];
}

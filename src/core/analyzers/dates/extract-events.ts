import type { Passage } from "../../index/passages.js";
import { documentMentions } from "./document-mentions.js";
import { groupDatedEvents } from "./group-events.js";
import { eventMentions } from "./select-events.js";
import type { DatedEvent, EventGroup } from "./types.js";

/**
 * Finds the dated statements among passages, resolved against each document's
 * publication date: one event per distinct date a sentence reports (see
 * `eventMentions`), in the order of the passages given. Sentences with no date
 * expression give none.
 */
export function extractEvents(passages: readonly Passage[]): DatedEvent[] {
  const events: DatedEvent[] = [];
  for (const passage of passages) {
    const mentions = documentMentions(passage.document).get(passage.paragraph)?.[passage.sentenceIndex] ?? [];
    for (const mention of eventMentions(mentions)) {
      const event: DatedEvent = {
        passageId: passage.id,
        date: mention.date,
        dateText: mention.text,
        estimate: mention.estimate,
      };
      if (mention.approximate) event.approximate = true;
      events.push(event);
    }
  }
  return events;
}

/**
 * Orders events by date and merges the same event reported by several passages (see
 * `groupDatedEvents` for the order of partial dates and what counts as the same event).
 */
export function groupEvents(events: readonly DatedEvent[], passages: readonly Passage[]): EventGroup[] {
  return groupDatedEvents(events, passages);
}

import type { Passage } from "../../index/passages.js";
import { passageText } from "../../index/passages.js";
import { formatPartialDate, parsePartialDate, truncate } from "../dates/partial-date.js";
import type { DatedEvent } from "../dates/types.js";
import { type StatementKind, statementKind } from "./statement-kind.js";

/** How many sentences back a dated sentence of the same paragraph still dates an undated one. */
export const INHERIT_REACH = 1;

// A date that bounds a state ("since 2004", "until March") is no point the story is at.
const BOUNDARY = /^(?:since|until|till|by|through|before|after|from)\b/i;

/**
 * Dates for the sentences that state an event but no date expression, from their
 * context, each marked `dateInferred`:
 * - an article's first sentence (its lede) reports the news of the day: the publication
 *   date, unless it speaks of the future;
 * - a sentence in the simple past right after one of the same paragraph that tells a past
 *   event at a day or a month ("On June 6, Jobs gave his keynote. He announced…")
 *   continues its story: that sentence's date, at its precision;
 * - otherwise a reported event takes the publication date: the day itself when the
 *   sentence reports it as of publication (present perfect or progressive: "has
 *   launched", "is recalling"), only the month when it is told in the simple past (it
 *   happened recently, on a day the text does not give).
 * Background statements (the future, definitions, opinions, mostly quoted sentences,
 * see `statementKind`) get no date. `dated` are the events read from date expressions.
 */
export function inferDates(passages: readonly Passage[], dated: readonly DatedEvent[]): DatedEvent[] {
  const firstEvent = new Map<number, DatedEvent>();
  for (const event of dated) if (!firstEvent.has(event.passageId)) firstEvent.set(event.passageId, event);
  const inferred: DatedEvent[] = [];
  let previous: Passage | undefined;
  let lastDated: { event: DatedEvent; sentenceIndex: number } | undefined;
  for (const passage of passages) {
    const newDocument = previous?.document !== passage.document;
    if (newDocument || previous?.paragraph !== passage.paragraph) lastDated = undefined;
    previous = passage;
    const own = firstEvent.get(passage.id);
    const kind = statementKind(passageText(passage));
    if (own !== undefined) {
      lastDated = narrativePoint(own, kind, passage.document.published)
        ? { event: own, sentenceIndex: passage.sentenceIndex }
        : undefined;
      continue;
    }
    const lede = newDocument && passage.paragraph === passage.document.paragraphs[0];
    const published = passage.document.published;
    if (kind === "background" && !(lede && published !== undefined && !isFuture(passage))) continue;
    const event: DatedEvent = { passageId: passage.id, date: "", dateInferred: true };
    if (lede && published !== undefined) {
      event.date = published;
    } else if (
      kind === "past" &&
      lastDated !== undefined &&
      passage.sentenceIndex - lastDated.sentenceIndex <= INHERIT_REACH
    ) {
      event.date = lastDated.event.date;
      if (lastDated.event.estimate !== undefined) event.estimate = lastDated.event.estimate;
      if (lastDated.event.latest !== undefined) event.latest = lastDated.event.latest;
    } else if (published !== undefined) {
      const date = parsePartialDate(published);
      if (date === undefined) continue;
      event.date = formatPartialDate(kind === "current" ? date : truncate(date, "month"));
      // Told as done, it was over by the day it was published.
      if (date.day !== undefined) {
        event.latest = published;
        event.estimate = published;
      }
    } else {
      continue;
    }
    inferred.push(event);
  }
  return inferred;
}

/**
 * Whether a dated sentence sets the point a following sentence in the simple past goes
 * on from: it tells a past event ("On June 6, Jobs gave his keynote") at a day or a
 * month, not the bound of a state ("since 2004"), a year given in passing, nor a date
 * after publication (what was announced).
 */
function narrativePoint(event: DatedEvent, kind: StatementKind, published: string | undefined): boolean {
  if (kind !== "past" || event.dateText === undefined || BOUNDARY.test(event.dateText)) return false;
  // A date after publication is what was announced, not where the story is.
  if (published !== undefined && event.date.slice(0, published.length) > published) return false;
  return /^\d{4}-\d{2}/.test(event.date);
}

function isFuture(passage: Passage): boolean {
  return /\b(?:will|shall|plans?\s+to|is\s+to|are\s+to)\b/i.test(passageText(passage));
}

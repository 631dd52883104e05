import type { EventGroup } from "../analyzers/dates/types.js";
import { topicContinuations } from "../analyzers/timeline/topic-continuations.js";
import type { Answer, Item } from "../answer.js";
import type { Engine } from "../engine.js";
import type { PassageHit } from "../index/search-index.js";
import { answer, cleanQuery, MAX_ITEMS, markTerms, passageItem } from "./items.js";
import { groupsReportedBy } from "./lookups.js";
import { closeTopics } from "./search.js";

/** `/timeline [topic]`: dated statements in date order, each event once with every citation. */
export function answerTimeline(engine: Engine, rawTopic?: string): Answer {
  const topic = rawTopic ? cleanQuery(rawTopic) : "";
  const title = topic ? `Timeline: ${topic}` : "Timeline";
  let groups: readonly EventGroup[] = engine.events;
  if (topic) {
    const hits = engine.index.search(topic, { limit: 20_000 });
    groups = groupsReportedBy(engine, [...hits.map((h) => h.id), ...continuationsOf(engine, topic, hits)]);
  }
  if (groups.length === 0) {
    const hint = topic
      ? ` Topics with dates include: ${closeTopics(engine, topic).join(", ") || "none"}.`
      : "";
    const what = topic ? `about “${topic}”` : "";
    return answer(
      "timeline",
      topic,
      title,
      [],
      `No dated statements ${what} in the ${engine.documents.length} articles.${hint}`.replace(/\s+/gu, " "),
    );
  }
  const shown = groups.slice(0, MAX_ITEMS).map((g) => eventItem(engine, g));
  return answer("timeline", topic, title, shown, undefined, groups.length);
}

function eventItem(engine: Engine, group: EventGroup): Item {
  const [first, ...others] = group.passageIds as [number, ...number[]];
  const item = passageItem(engine, first, { date: group.date });
  if (group.dateText !== undefined) item.dateText = group.dateText;
  if (group.dateInferred === true) item.dateInferred = true;
  if (others.length > 0) item.alsoIn = others.map((id) => engine.citation(id));
  return item;
}

/**
 * The sentences that speak of a named topic through a pronoun or a description ("He
 * announced…" after "Steve Jobs gave his keynote…"): only for a topic that names an
 * entity of the corpus, whose kind tells "he"/"she" from "it"/"the company".
 */
function continuationsOf(engine: Engine, topic: string, hits: readonly PassageHit[]): number[] {
  const entity = engine.entities.find(topic)[0];
  if (entity === undefined || hits.length === 0) return [];
  const terms = new Map(hits.map((h) => [h.id, h.terms]));
  const firstMatch = (id: number): number | undefined =>
    markTerms(engine.text(id), terms.get(id) ?? [])[0]?.start;
  const kind = entity.kind === "person" ? "person" : "thing";
  return topicContinuations(engine.passages, terms.keys(), firstMatch, kind, topic.split(/\s+/u));
}

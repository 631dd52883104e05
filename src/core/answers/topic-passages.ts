import { topicContinuations } from "../analyzers/timeline/topic-continuations.js";
import type { Engine } from "../engine.js";
import type { PassageHit } from "../index/search-index.js";
import { markTerms } from "./items.js";

/**
 * The passages about a topic: those the search found, and those that go on speaking of
 * it through a pronoun or a description ("He announced…" after "Steve Jobs gave his
 * keynote…"; see `topicContinuations`). Continuations are followed only for a topic that
 * names an entity of the corpus, whose kind tells "he"/"she" from "it"/"the company".
 */
export function topicPassages(engine: Engine, topic: string, hits: readonly PassageHit[]): number[] {
  const ids = hits.map((h) => h.id);
  const entity = engine.entities.find(topic)[0];
  if (entity === undefined || hits.length === 0) return ids;
  const terms = new Map(hits.map((h) => [h.id, h.terms]));
  const firstMatch = (id: number): number | undefined =>
    markTerms(engine.text(id), terms.get(id) ?? [])[0]?.start;
  const kind = entity.kind === "person" ? "person" : "thing";
  return [
    ...ids,
    ...topicContinuations(engine.passages, terms.keys(), firstMatch, kind, topic.split(/\s+/u)),
  ];
}

import type { Answer } from "../answer.js";
import type { Engine } from "../engine.js";
import { explanationItems } from "./explanations.js";
import { answer, cleanQuery } from "./items.js";
import { closeTopics } from "./search.js";

/**
 * `/why <topic>`: the passages that explain the topic, each effect followed by the
 * neighbouring sentence that states its cause (see `explanationItems`).
 */
export function answerWhy(engine: Engine, rawTopic: string): Answer {
  const topic = cleanQuery(rawTopic);
  const title = `Why: ${topic}`;
  const hits = engine.index.search(topic, { limit: 300 });
  if (hits.length === 0) {
    const notice = `Nothing in the ${engine.documents.length} articles mentions “${topic}”.`;
    const close = closeTopics(engine, topic);
    return answer("why", topic, title, [], close.length ? `${notice} Try: ${close.join(", ")}.` : notice);
  }
  const { items, anyCausal } = explanationItems(engine, hits);
  const notice = anyCausal
    ? undefined
    : `No passage explains “${topic}” with a causal cue; these mention it.`;
  return answer("why", topic, title, items, notice);
}

import type { Answer } from "../src/core/answer.js";
import { explanationItems } from "../src/core/answers/explanations.js";
import { answer, cleanQuery } from "../src/core/answers/items.js";
import type { Engine } from "../src/core/engine.js";
import { closeTopics, onlyCommonWords } from "./search.js";
import type { Command } from "./types.js";

/**
 * `/why <topic>`: the passages that explain the topic, each effect followed by the
 * neighbouring sentence that states its cause (see `explanationItems`).
 */
export function answerWhy(engine: Engine, rawTopic: string): Answer {
  const topic = cleanQuery(rawTopic);
  const title = `Why: ${topic}`;
  const hits = engine.index.search(topic, { limit: 300 });
  if (hits.length === 0) {
    const common = onlyCommonWords(topic);
    if (common) return answer("why", topic, title, [], common);
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

/** `/why <topic>`. */
export const why: Command = {
  name: "why",
  description: "The passages that explain a topic: causes, reasons, responses",
  examples: ["/why visa", "/why tariff"],
  options: [
    { name: "topic", description: "What to explain", type: "string", required: true, autocomplete: "topics" },
  ],
  run: (args, { engine }) => answerWhy(engine, String(args.topic)),
};

import { causalSignal } from "../src/core/analyzers/causes/causal-cues.js";
import { topicCausalSide } from "../src/core/analyzers/causes/topic-side.js";
import type { Answer } from "../src/core/answer.js";
import { answer, cleanQuery, markTerms, passageItem } from "../src/core/answers/items.js";
import type { Engine } from "../src/core/engine.js";
import { closeTopics } from "./search.js";
import type { Command } from "./types.js";

// How much a clear causal cue lifts a passage against a merely relevant one.
const CAUSAL_WEIGHT = 1.5;

/** `/why <topic>`: the passages that explain the topic, ranked by relevance and causal cues. */
export function answerWhy(engine: Engine, rawTopic: string): Answer {
  const topic = cleanQuery(rawTopic);
  const title = `Why: ${topic}`;
  const hits = engine.index.search(topic, { limit: 300 });
  if (hits.length === 0) {
    const notice = `Nothing in the ${engine.documents.length} articles mentions “${topic}”.`;
    const close = closeTopics(engine, topic);
    return answer("why", topic, title, [], close.length ? `${notice} Try: ${close.join(", ")}.` : notice);
  }
  const best = hits[0]?.score ?? 1;
  const ranked = hits
    .map((hit) => {
      const text = engine.text(hit.id);
      const signal = causalSignal(text);
      // The topic on the effect side of a cue ("revoked the visa after …") is what /why asks about.
      const side = topicCausalSide(text, markTerms(text, hit.terms), signal);
      return { hit, signal, score: hit.score / best + CAUSAL_WEIGHT * (signal.score + side.boost) };
    })
    .sort((a, b) => b.score - a.score);
  const causal = ranked.filter((r) => r.signal.score > 0);
  const chosen = causal.length > 0 ? causal : ranked;
  const items = chosen.map(({ hit }) => {
    const item = passageItem(engine, hit.id);
    const marks = markTerms(item.text, hit.terms);
    if (marks.length > 0) item.marks = marks;
    return item;
  });
  const notice =
    causal.length === 0 ? `No passage explains “${topic}” with a causal cue; these mention it.` : undefined;
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

import { typo } from "../src/core/answers/warm-up.js";
import type { Engine } from "../src/core/engine.js";
import { answerQuote } from "./quote.js";
import { answerSearch } from "./search.js";
import { answerTimeline } from "./timeline.js";
import { answerWho } from "./who.js";
import { answerWhy } from "./why.js";

/**
 * Asks each command once about the corpus's own most frequent topic, speaker
 * and name, so that every answer's code is compiled before a user waits on it
 * (give it to `loadOrBuildEngine` as its `warmUp`).
 */
export function warmUpCommands(engine: Engine): void {
  const topic = engine.complete("topics", "", 1)[0] ?? "news";
  const speaker = engine.complete("speakers", "", 1)[0] ?? topic;
  const name = engine.complete("entities", "", 1)[0] ?? topic;
  answerSearch(engine, topic);
  answerSearch(engine, `${topic} ${typo(topic)}`);
  answerSearch(engine, "said");
  answerWhy(engine, topic);
  answerTimeline(engine, topic);
  answerQuote(engine, speaker, topic);
  answerWho(engine, name);
}

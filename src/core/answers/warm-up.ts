import type { Engine } from "../engine.js";
import { buildLookups } from "./lookups.js";
import { answerQuote } from "./quote.js";
import { answerSearch } from "./search.js";
import { answerTimeline } from "./timeline.js";
import { answerWho } from "./who.js";
import { answerWhy } from "./why.js";

/**
 * Prepares an engine for its first questions: builds every look-up a first
 * answer would otherwise build (quotes by speaker, events by passage, the
 * entity name index, the typo search's term tree), then asks each command once
 * about the corpus's own most frequent topic, speaker and name, so that the
 * code of every answer is compiled before a user waits on it. Returns the
 * milliseconds it took.
 */
export function warmUp(engine: Engine): number {
  const started = performance.now();
  buildLookups(engine);
  engine.index.warm();
  const topic = engine.complete("topics", "", 1)[0] ?? "news";
  const speaker = engine.complete("speakers", "", 1)[0] ?? topic;
  const name = engine.complete("entities", "", 1)[0] ?? topic;
  // The entity index builds its word index on its first search.
  engine.entities.find(name);
  answerSearch(engine, topic);
  answerSearch(engine, `${topic} ${typo(topic)}`);
  answerSearch(engine, "said");
  answerWhy(engine, topic);
  answerTimeline(engine, topic);
  answerQuote(engine, speaker, topic);
  answerWho(engine, name);
  return performance.now() - started;
}

// A word one letter longer, so typo and prefix search run too.
function typo(word: string): string {
  return `${word}${word.at(-1) ?? "x"}x`;
}

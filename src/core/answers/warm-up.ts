import type { Engine } from "../engine.js";
import { buildLookups } from "./lookups.js";

/**
 * Prepares an engine for its first questions: builds every look-up a first
 * answer would otherwise build (quotes by speaker, events by passage, the
 * entity name index, the typo search's term tree), then searches the corpus's
 * own most frequent topic (exactly, widened by a typo, with a name) so that
 * the search code is compiled before a user waits on it. The commands' own
 * warm-up (`warmUpCommands`) asks each command once on top of this.
 */
export function warmUp(engine: Engine): void {
  buildLookups(engine);
  engine.index.warm();
  const topic = engine.complete("topics", "", 1)[0] ?? "news";
  const name = engine.complete("entities", "", 1)[0] ?? topic;
  engine.entities.warm();
  engine.entities.find(name, undefined, 6);
  engine.entities.find(name);
  engine.entities.named(name);
  for (const query of [topic, `${topic} ${typo(topic)}`, `${topic} ${name}`]) {
    for (const hit of engine.index.search(query, { limit: 100 })) void hit.terms;
    engine.index.search(query, { limit: 20_000, unordered: true });
  }
}

/** A word one letter longer, so typo and prefix search run too. */
export function typo(word: string): string {
  return `${word}${word.at(-1) ?? "x"}x`;
}

import { formatCitation } from "../../core/answer.js";
import { passageItem } from "../../core/answers/items.js";
import type { Engine } from "../../core/engine.js";

/**
 * The nearest things the archive has for a topic it could not answer: the best passages the
 * search finds for its words (it widens to prefixes and near spellings), as citations; failing
 * that, names and topics that start like its words. At most `limit`.
 */
export function nearestInArchive(engine: Engine, topic: string, limit = 3): string[] {
  const found = new Set<string>();
  for (const hit of engine.index.search(topic, { limit: 20 })) {
    const { citation } = passageItem(engine, hit.id);
    found.add(formatCitation(citation));
    if (found.size >= limit) return [...found];
  }
  for (const word of topic.split(" ")) {
    for (let length = Math.min(word.length, 5); length >= 3 && found.size < limit; length--) {
      for (const source of ["entities", "topics"] as const) {
        for (const name of engine.complete(source, word.slice(0, length), limit)) {
          if (found.size < limit) found.add(name);
        }
      }
    }
  }
  return [...found];
}

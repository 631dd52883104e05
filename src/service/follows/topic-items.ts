import { createHash } from "node:crypto";
import type { Item } from "../../core/answer.js";
import type { Engine } from "../../core/engine.js";
import { fixedEngine } from "../../core/engine-source.js";
import type { Invocation } from "../../core/invocation.js";
import { createAsker } from "../asker.js";

/** An item a digest may carry, with the key that keeps it from being sent twice. */
export interface TopicItem {
  key: string;
  item: Item;
}

// Quotes first (who said what), then dated events, then passages: one paragraph is shown once, as its best kind.
const ASKS: readonly ((topic: string) => Omit<Invocation, "platform">)[] = [
  (topic) => ({ command: "quote", args: { speaker: topic } }),
  (topic) => ({ command: "quote", args: { about: topic } }),
  (topic) => ({ command: "timeline", args: { topic } }),
  (topic) => ({ command: "search", args: { query: topic } }),
];

/**
 * The quotes, dated events and passages on `topic` that come from the documents `fresh`
 * (newly added or changed), asked through the command table like any question, each
 * with a key (document, paragraph, text) that stays the same across reloads.
 */
export async function topicItems(
  engine: Engine,
  topic: string,
  fresh: ReadonlySet<string>,
): Promise<TopicItem[]> {
  if (fresh.size === 0) return [];
  const asker = createAsker(fixedEngine(engine));
  const found = new Map<string, TopicItem>();
  for (const ask of ASKS) {
    let items: Item[];
    try {
      items = (await asker.ask({ ...ask(topic), platform: "web" })).items;
    } catch {
      // A topic a command refuses (too short, too long) simply gives that command nothing.
      continue;
    }
    for (const item of items) {
      if (!fresh.has(item.citation.docId)) continue;
      const place = `${item.citation.docId}¶${item.citation.paragraph}`;
      if ([...found.values()].some((f) => f.key.startsWith(`${place}:`) && overlaps(f.item, item))) continue;
      const key = `${place}:${createHash("sha256").update(item.text).digest("hex").slice(0, 16)}`;
      if (!found.has(key)) found.set(key, { key, item });
    }
  }
  return [...found.values()];
}

function overlaps(a: Item, b: Item): boolean {
  return a.text.includes(b.text) || b.text.includes(a.text);
}

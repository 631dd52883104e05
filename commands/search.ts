import type { Answer } from "../src/core/answer.js";
import {
  answer,
  cleanQuery,
  MAX_ITEMS,
  markTerms,
  passageItem,
  suggestionText,
} from "../src/core/answers/items.js";
import type { Engine } from "../src/core/engine.js";
import { queryTerms } from "../src/core/index/search-index.js";
import type { Command } from "./types.js";

/** `/search <query>`: ranked passages with the matching words marked. */
export function answerSearch(engine: Engine, rawQuery: string): Answer {
  const query = cleanQuery(rawQuery);
  const title = `Search: ${query}`;
  const hits = engine.index.search(query, { limit: MAX_ITEMS });
  const items = hits.map((hit) => {
    const item = passageItem(engine, hit.id);
    const marks = markTerms(item.text, hit.terms);
    if (marks.length > 0) item.marks = marks;
    return item;
  });
  if (items.length > 0) return answer("search", query, title, items);
  const notice = `Nothing in the ${engine.documents.length} articles matches “${query}”. ${suggestionText(closeTopics(engine, query))}`;
  return answer("search", query, title, [], onlyCommonWords(query) ?? notice.trim());
}

/**
 * The notice for a query made only of words too common to search for ("said",
 * "the"), which no index holds; undefined for any other query.
 */
export function onlyCommonWords(query: string): string | undefined {
  if (query.trim() === "" || queryTerms(query).length > 0) return undefined;
  return `“${query}” has only words too common to search for (like “the” or “said”): add what it is about, e.g. “${query} oil”.`;
}

/** Topics that start like the query's words, for "nothing found" notices. */
export function closeTopics(engine: Engine, query: string): string[] {
  const suggestions = new Set<string>();
  for (const word of query.split(/\s+/u)) {
    for (let len = Math.min(word.length, 5); len >= 2 && suggestions.size < 5; len--) {
      for (const topic of engine.complete("topics", word.slice(0, len), 5)) suggestions.add(topic);
    }
  }
  return [...suggestions].slice(0, 5);
}

/** `/search <query>`. */
export const search: Command = {
  name: "search",
  description: "Find passages that mention words, with the matching words marked",
  examples: ["/search deportation flights", "/search tariff"],
  options: [
    {
      name: "query",
      description: "Words to look for",
      type: "string",
      required: true,
      autocomplete: "topics",
    },
  ],
  run: (args, { engine }) => answerSearch(engine, String(args.query)),
};

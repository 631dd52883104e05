import type { Answer } from "../src/core/answer.js";
import { answer, MAX_ITEMS, passageItem } from "../src/core/answers/items.js";
import type { Engine } from "../src/core/engine.js";
import type { Command } from "./types.js";

/** `/sources`: the articles, newest first, each with its opening sentence and citation. */
export function answerSources(engine: Engine): Answer {
  const documents = [...engine.documents].sort(
    (a, b) => (b.published ?? "").localeCompare(a.published ?? "") || a.id.localeCompare(b.id),
  );
  const items = documents.slice(0, MAX_ITEMS).flatMap((document) => {
    const paragraph = document.paragraphs[0];
    const passage = paragraph && engine.passages.at(paragraph, 0);
    if (!passage) return [];
    const item = passageItem(engine, passage.id);
    return [item];
  });
  const count = engine.documents.length;
  return answer("sources", "", `Sources: ${count} article${count === 1 ? "" : "s"}`, items, undefined, count);
}

/** `/sources`. */
export const sources: Command = {
  name: "sources",
  description: "The articles Backstory answers from, newest first",
  examples: ["/sources"],
  options: [],
  run: (_args, { engine }) => answerSources(engine),
};

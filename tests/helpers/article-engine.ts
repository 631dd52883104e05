import { type Engine, loadEngine } from "../../src/core/engine.js";
import { tempCorpus } from "./temp-corpus.js";

/** A test article: its text, and optionally a publication date and title. */
export interface TestArticle {
  id?: string;
  title?: string;
  published?: string;
  text: string;
}

/** An engine over articles written in the test (stored as a JSON corpus in a temp folder). */
export function engineFor(...articles: TestArticle[]): Promise<Engine> {
  const records = articles.map((a, i) => ({
    id: a.id ?? `article-${i + 1}`,
    title: a.title ?? `Article ${i + 1}`,
    text: a.text,
    ...(a.published !== undefined && { published: a.published }),
  }));
  return loadEngine(tempCorpus({ "articles.json": JSON.stringify(records) }));
}

import { PassageStore } from "../../../../src/core/index/passages.js";
import type { NewsDocument, Paragraph } from "../../../../src/core/model.js";
import { splitSentences } from "../../../../src/core/text/sentences.js";

/** An article for tests: an id, a publication date (or none) and its paragraphs. */
export interface ArticleSpec {
  id: string;
  published?: string;
  paragraphs: string[];
}

/** Builds segmented documents from plain paragraphs. */
export function makeDocument(spec: ArticleSpec): NewsDocument {
  let offset = 0;
  const paragraphs: Paragraph[] = spec.paragraphs.map((text, index) => {
    const paragraph: Paragraph = {
      number: index + 1,
      kind: "text",
      text,
      offset,
      sentences: splitSentences(text),
    };
    offset += text.length + 2;
    return paragraph;
  });
  const document: NewsDocument = {
    id: spec.id,
    title: spec.id,
    file: `${spec.id}.txt`,
    body: spec.paragraphs.join("\n\n"),
    paragraphs,
  };
  if (spec.published !== undefined) document.published = spec.published;
  return document;
}

/** A passage store over articles built from specs. */
export function makeStore(...specs: ArticleSpec[]): PassageStore {
  return new PassageStore(specs.map(makeDocument));
}

import type { Paragraph } from "../model.js";
import type { Metadata } from "./metadata.js";

/** An article as one parser read it, before the manifest's metadata is applied. */
export interface ParsedArticle {
  /** Set by record files; file-based articles take their file name. */
  id?: string;
  body: string;
  metadata: Metadata;
  paragraphs: Paragraph[];
  sources: string[];
  /** Paragraphs past the limit, dropped (the article is kept with the ones before). */
  omittedParagraphs?: number;
}

/** What a parser returns for one file: articles, and problems that did not stop it. */
export interface ParseResult {
  articles: ParsedArticle[];
  /** Problems with parts of the file (a bad record), each naming where. */
  problems: string[];
}

/** What the newsroom's metadata says about an article. */
export interface DocumentMeta {
  /** File name without extension, or the record's `id`. */
  id: string;
  title: string;
  /** ISO partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published?: string;
  url?: string;
  source?: string;
  authors?: string[];
  tags?: string[];
  /** The sources the article names in a `Sources:` section. */
  sources?: string[];
  /** Path of the file it was read from, relative to the corpus folder. */
  file: string;
}

/** One sentence, as a range of its paragraph's text. */
export interface Sentence {
  /** Offset of the first character in the paragraph's text. */
  start: number;
  /** Offset just past the last character in the paragraph's text. */
  end: number;
}

/** A body paragraph (or list item) of an article. */
export interface Paragraph {
  /** 1-based number among the article's body paragraphs. */
  number: number;
  kind: "text" | "list";
  /** The section heading this paragraph sits under. */
  heading?: string;
  /** The paragraph's text, verbatim (a list item without its bullet). */
  text: string;
  /** Offset of `text` in the document's `body`. */
  offset: number;
  sentences: Sentence[];
}

/** A loaded, segmented article. */
export interface NewsDocument extends DocumentMeta {
  /** The source text the offsets refer to (the file's text, or the record's `text`). */
  body: string;
  paragraphs: Paragraph[];
}

/** Returns the text of one sentence of a paragraph. */
export function sentenceText(paragraph: Paragraph, sentence: Sentence): string {
  return paragraph.text.slice(sentence.start, sentence.end);
}

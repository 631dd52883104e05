/** An article taken from a page, ready to be written to the corpus. */
export interface ExtractedArticle {
  title: string;
  /** `YYYY-MM-DD`, when the page (or its feed) says when it was published. */
  published?: string;
  authors?: string[];
  /** The site's name (or its host when it gives none). */
  source: string;
  /** The canonical URL: the article's identity in the corpus, and its citation. */
  url: string;
  /** The text, one paragraph a block; headings start with `## `. */
  paragraphs: string[];
}

/** Bounds on what one article may cost to parse, whatever its format. */
export interface ParseLimits {
  /** Largest article body (UTF-8 bytes): a file, or one record of a collection. */
  maxArticleBytes: number;
  /** Paragraphs kept of one article; the rest are dropped with a warning. */
  maxParagraphs: number;
}

/**
 * The defaults: 5 MB is far beyond any news article (a long one is ~100 KB);
 * 20,000 paragraphs is ~100× a long article, and beyond it a file of one-line
 * paragraphs floods the index (200,000 of them took /search to 0.8 s).
 */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxArticleBytes: 5 * 1024 * 1024,
  maxParagraphs: 20_000,
};

import type { Citation } from "./answer.js";

/**
 * Text layout helpers with no platform in them: the compact citation line (exports),
 * cutting text at a word boundary, and paging a list. The answer view
 * (`src/present/`) decides what is shown.
 */

/** A compact citation: `Title · ¶3 · 2025-01-27`. */
export function citationLine(citation: Citation): string {
  const parts = [citation.title, `¶${citation.paragraph}`];
  if (citation.published) parts.push(citation.published);
  if (citation.source) parts.push(citation.source);
  return parts.join(" · ");
}

const ELLIPSIS = "…";

/**
 * Cuts text to at most `max` UTF-16 units (what the platforms count, or more),
 * at a word boundary when one is near, ending with an ellipsis. Never splits a
 * surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return ELLIPSIS;
  let cut = max - 1;
  if (isLowSurrogate(text.charCodeAt(cut))) cut--;
  const slice = text.slice(0, cut);
  const space = slice.search(/\s\S*$/u);
  const atWord = space > cut * 0.6 ? slice.slice(0, space) : slice;
  return `${atWord.trimEnd()}${ELLIPSIS}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** One page of items: 0-based `page`, clamped into range. */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
}

/** Returns page `page` (0-based, clamped) of `items` split into pages of `size`. */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
  return { items: items.slice(clamped * size, clamped * size + size), page: clamped, pages };
}

import type { QuoteSpan } from "../entities/quoted-text.js";

export { findQuoteSpans, type QuoteSpan } from "../entities/quoted-text.js";

/**
 * A partial quote is a few quoted words inside the reporter's own sentence
 * (as “inferior”), not a quoted sentence introduced by a comma or a colon.
 */
export function isPartialQuote(text: string, span: QuoteSpan): boolean {
  const words = span.inner.split(/\s+/u).length;
  if (words < 4) return true;
  const before = text.slice(0, span.open).trimEnd();
  const introduced = before === "" || /[,:;—–.!?]$/u.test(before);
  return !introduced && /^\p{Ll}/u.test(span.inner);
}

/**
 * Quoted text in a paragraph: where the quotation marks open and close. It lives with the
 * entities because they read only the reporter's words (who a sentence is about is never
 * someone inside a quote); the quote analyzer builds on it.
 */

/** A quotation found in a paragraph: the marks and the words between them. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark (the paragraph's end when the quote runs on). */
  close: number;
  /** The words inside the marks, verbatim. */
  inner: string;
  /** Offset of `inner` in the paragraph. */
  innerStart: number;
  /** True when no closing mark was found in the paragraph (the quote runs on). */
  openEnded: boolean;
}

const OPENERS = new Set(["“", "„", "«"]);
const CLOSERS = new Set(["”", "»"]);

/**
 * Finds quotations in a paragraph: curly “…” and «…» pairs, and straight "…"
 * pairs told apart by what stands before them. A quote left open runs to the
 * end of the paragraph, as news style does for quotes continued below.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const isStraight = ch === '"';
    if (openAt < 0) {
      if (OPENERS.has(ch) || (isStraight && opensHere(text, i))) {
        openAt = i;
        straight = isStraight;
      }
      continue;
    }
    // Copy often mixes marks (a straight opening, a curly closing): either closes.
    if (isStraight ? closesHere(text, i) || straight : CLOSERS.has(ch)) {
      pushSpan(spans, text, openAt, i + 1, false);
      openAt = -1;
    }
  }
  if (openAt >= 0) pushSpan(spans, text, openAt, text.length, true);
  return spans;
}

function closesHere(text: string, i: number): boolean {
  const after = text[i + 1];
  return after === undefined || /[\s.,;:!?)\]—–-]/u.test(after);
}

function opensHere(text: string, i: number): boolean {
  const before = text[i - 1];
  return before === undefined || /[\s([{—–:;,]/u.test(before);
}

function pushSpan(spans: QuoteSpan[], text: string, open: number, close: number, openEnded: boolean): void {
  const innerStart = open + 1;
  const innerEnd = openEnded ? close : close - 1;
  const raw = text.slice(innerStart, innerEnd);
  const lead = raw.length - raw.trimStart().length;
  const inner = raw.trim();
  if (inner.length === 0 || !/\p{L}/u.test(inner)) return;
  spans.push({ open, close, inner, innerStart: innerStart + lead, openEnded: openEnded });
}

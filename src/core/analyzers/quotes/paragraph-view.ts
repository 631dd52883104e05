import type { Paragraph } from "../../model.js";
import type { ResolvedMention } from "../entities/entity-index.js";
import { maskQuoted } from "../entities/referents.js";
import { type ReferringExpression, referringExpressions } from "../entities/referring-expressions.js";
import { findQuoteSpans, type QuoteSpan } from "./quote-spans.js";

/**
 * A paragraph as the attribution rules read it: the quotations, the text with their words
 * blanked (`masked`: the reporter's words only, same offsets), the referring expressions of
 * the reporter's words in paragraph offsets, and where each clause of reporter's text ends
 * (sentence breaks outside quotation marks).
 */
export interface ParagraphView {
  paragraph: Paragraph;
  text: string;
  masked: string;
  spans: QuoteSpan[];
  expressions: ReferringExpression[];
  /** Sentence boundaries (offsets) that fall outside quotations, ascending, 0 and the end included. */
  breaks: number[];
}

/** Builds the view of a paragraph from the resolved name mentions of each of its sentences. */
export function paragraphView(
  paragraph: Paragraph,
  mentionsOfSentence: (index: number) => readonly ResolvedMention[],
): ParagraphView {
  const text = paragraph.text;
  const spans = findQuoteSpans(text);
  const masked = spans.length === 0 ? text : maskQuoted(text);
  const inside = (offset: number) =>
    spans.some((s) => offset > s.open && offset < s.close - (s.openEnded ? 0 : 1));
  const mentions: ResolvedMention[] = [];
  paragraph.sentences.forEach((sentence, i) => {
    for (const m of mentionsOfSentence(i)) {
      const shifted = {
        ...m,
        start: m.start + sentence.start,
        end: m.end + sentence.start,
        ...(m.describedStart !== undefined && { describedStart: m.describedStart + sentence.start }),
      };
      if (!inside(shifted.start)) mentions.push(shifted);
    }
  });
  const breaks = [0];
  for (const sentence of paragraph.sentences) if (!inside(sentence.end)) breaks.push(sentence.end);
  if (breaks.at(-1) !== text.length) breaks.push(text.length);
  return { paragraph, text, masked, spans, expressions: referringExpressions(masked, mentions), breaks };
}

/** Where the clause holding an offset starts: the last sentence break at or before it. */
export function clauseStart(view: ParagraphView, offset: number): number {
  let start = 0;
  for (const b of view.breaks) if (b <= offset) start = b;
  return start;
}

/** Where the clause holding an offset ends: the first sentence break after it. */
export function clauseEnd(view: ParagraphView, offset: number): number {
  return view.breaks.find((b) => b > offset) ?? view.text.length;
}

import type { ReferringExpression } from "../entities/referring-expressions.js";
import { clauseEnd, clauseStart, type ParagraphView } from "./paragraph-view.js";
import type { QuoteSpan } from "./quote-spans.js";
import { speakerBeforeQuote } from "./speaker-before-quote.js";
import { isSpeechVerb } from "./speech-cues.js";

/**
 * The speaker of a quote that opens its sentence with no attribution of its own, named in the
 * sentence just before it in the same paragraph, when that sentence introduces speech and
 * quotes no one itself: Iowa State’s Dianne Bystrom agreed. “…” / Ghazala Khan says she got a
 * call from her niece. “…” / Cruz tweeted a warning. “…”. The cue and its speaker are found
 * as `speakerBeforeQuote` finds them in the quote's own clause.
 */
export function speakerInSentenceBefore(
  view: ParagraphView,
  span: QuoteSpan,
): ReferringExpression | undefined {
  const start = clauseStart(view, span.open);
  if (start === 0 || view.masked.slice(start, span.open).trim() !== "") return undefined;
  const previous = clauseStart(view, start - 1);
  // A sentence with its own quotes: the bare quote after it is a continuation, not this rule's.
  if (view.spans.some((s) => s.open >= previous && s.open < start)) return undefined;
  // “Never again.” Okafor told the Ledger’s reporters on Monday.: an attribution after the quote
  // that the rule for it did not read still belongs to the quote, not the sentence before.
  const end = clauseEnd(view, span.close - 1);
  const after = view.masked.slice(span.close, clauseEnd(view, end));
  const words = after.match(/\p{L}+/gu) ?? [];
  if (words.slice(0, 4).some((w) => isSpeechVerb(w))) return undefined;
  return speakerBeforeQuote(view, span, previous);
}

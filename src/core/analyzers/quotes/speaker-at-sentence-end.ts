import type { ReferringExpression } from "../entities/referring-expressions.js";
import { clauseEnd, clauseStart, type ParagraphView } from "./paragraph-view.js";
import type { QuoteSpan } from "./quote-spans.js";
import { trailingSpeaker } from "./trailing-attribution.js";

/**
 * The speaker of an attribution that closes the quote's sentence after the quote, with the
 * reporter's words in between: “Many would call it an embarrassment” if she loses by less,
 * said Ada Lee, an analyst at the institute. / Voters are “tired of waiting,” and want a
 * change, Okafor said.
 */
export function speakerAtSentenceEnd(view: ParagraphView, span: QuoteSpan): ReferringExpression | undefined {
  const start = clauseStart(view, span.open);
  const end = clauseEnd(view, span.close - 1);
  const speaker = trailingSpeaker(view, start, end);
  return speaker && speaker.start >= span.close ? speaker : undefined;
}

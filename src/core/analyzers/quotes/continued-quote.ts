import { genderOf, pronounAgreement } from "../entities/gender.js";
import { clauseEnd, clauseStart, type ParagraphView } from "./paragraph-view.js";
import type { QuoteSpan } from "./quote-spans.js";
import type { Speaker } from "./speaker.js";

/** An attributed quote of the article so far, as a continuation needs it. */
export interface PreviousQuote {
  view: ParagraphView;
  span: QuoteSpan;
  speaker?: Speaker;
  /** Where the words naming its speaker start, when they stand in its paragraph. */
  speakerAt?: number;
}

// Reporter's words that may stand around a continued quote without starting another speaker's words.
const BARE = /^[\s,.;:!?—–…-]*(?:(?:and|but|then|adding|before adding|later|he added|she added)[\s,:]*)?$/iu;

/**
 * A quote with no attribution of its own continues the speaker of the quote before it when
 * it stands bare (only punctuation or "and" around it in its clause) and either follows that
 * quote in the same paragraph, or opens the next paragraph right after it — unless a name,
 * pronoun or description that is not the same speaker intervenes in the reporter's words.
 */
export function continuedSpeaker(
  view: ParagraphView,
  span: QuoteSpan,
  previous: PreviousQuote | undefined,
): Speaker | undefined {
  if (!previous?.speaker || !isBare(view, span)) return undefined;
  if (previous.view === view) {
    return intervenes(view, previous.span.close, span.open, previous) ? undefined : previous.speaker;
  }
  const samePlace =
    previous.view.paragraph.number + 1 === view.paragraph.number &&
    view.masked.slice(0, span.open).trim() === "" &&
    !intervenes(previous.view, previous.span.close, previous.view.text.length, previous);
  return samePlace ? previous.speaker : undefined;
}

function isBare(view: ParagraphView, span: QuoteSpan): boolean {
  const from = clauseStart(view, span.open);
  const to = clauseEnd(view, span.close - 1);
  return BARE.test(view.masked.slice(from, span.open)) && BARE.test(view.masked.slice(span.close, to));
}

/**
 * True when the reporter's words between two offsets bring in someone else than the previous
 * quote's speaker, outside the attribution's own clause ("said Ana Ruiz, 55, of Port Alder",
 * "Ruiz told The Ledger", "said Ruiz, a spokesman for the party"): a name of another entity; a
 * description; a pronoun whose gender or number rules the speaker out.
 */
function intervenes(view: ParagraphView, from: number, to: number, previous: PreviousQuote): boolean {
  const speakerClause = previous.speakerAt === undefined ? -1 : clauseStart(view, previous.speakerAt);
  const entity = previous.speaker?.entity;
  return view.expressions.some((e) => {
    if (e.start < from || e.end > to || e.start === previous.speakerAt) return false;
    // The attribution's own clause describes the speaker and the occasion ("said Ruiz, a
    // spokesman for the party, noting they had won"): it names no new speaker.
    if (clauseStart(view, e.start) === speakerClause) return false;
    switch (e.kind) {
      case "name":
        return e.mention?.entity !== entity;
      case "pronoun": {
        const wanted = pronounAgreement(e.text);
        const gender = entity ? genderOf(entity) : "unknown";
        return !wanted || wanted.plural || (gender !== "unknown" && gender !== wanted.gender);
      }
      case "relative":
        return false;
      default:
        return true;
    }
  });
}

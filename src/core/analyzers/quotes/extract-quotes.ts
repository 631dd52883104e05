import type { PassageStore } from "../../index/passages.js";
import type { NewsDocument, Paragraph } from "../../model.js";
import { Antecedents } from "../entities/antecedents.js";
import { sentenceSubject } from "../entities/clause-subject.js";
import type { Entity, MentionTable } from "../entities/entity-index.js";
import { resolveExpression } from "../entities/referents.js";
import type { ReferringExpression } from "../entities/referring-expressions.js";
import { continuedSpeaker, type PreviousQuote } from "./continued-quote.js";
import { clauseStart, type ParagraphView, paragraphView } from "./paragraph-view.js";
import { isPartialQuote, type QuoteSpan } from "./quote-spans.js";
import { type Speaker, speakerOf } from "./speaker.js";
import { speakerAfterQuote } from "./speaker-after-quote.js";
import { speakerAtSentenceEnd } from "./speaker-at-sentence-end.js";
import { speakerBeforeQuote } from "./speaker-before-quote.js";
import { speakerInSentenceBefore } from "./speaker-in-sentence-before.js";
import { trailingSpeaker } from "./trailing-attribution.js";

/** A direct quotation with the speaker it is attributed to. */
export interface Quotation {
  /** The passage (sentence) where the quote opens. */
  passageId: number;
  /** The passage where it closes (the same for a one-sentence quote). */
  lastPassageId: number;
  /** The words inside the quotation marks, verbatim. */
  quote: string;
  /** A few quoted words inside the reporter's sentence (“inferior”). */
  partial: boolean;
  /** Canonical speaker name, or the description of an unnamed speaker ("an official"). */
  speaker?: string;
  /** The speaker's entity, when the speaker is named. */
  entity?: Entity;
  /** How the text refers to the speaker where the quote is ("he", "an official"). */
  speakerText?: string;
}

/**
 * Finds every direct quotation of the corpus and attributes it. Each paragraph is read as a
 * `ParagraphView` (the reporter's words with the quoted words blanked, so no one inside a
 * quote is ever taken for its speaker), then the rules run in this order:
 *
 * 1. `speakerAfterQuote` — “…,” X said: the attribution closest to the quote and the one
 *    news style uses most; it also wins when the clause opened with someone else's verb
 *    ("Okafor said Ruiz was wrong: “…,” she replied").
 * 2. `speakerBeforeQuote` — X said, “…” / X called it “…” / according to X: the nearest cue
 *    before the quote in its own clause, so an indirect-speech clause's speaker keeps its
 *    partial quotes.
 * 3. `speakerAtSentenceEnd` — “…” if she loses, said Ada Lee: an attribution that closes
 *    the sentence after the reporter's words; after the two above, which stand nearer the quote.
 * 4. `speakerInSentenceBefore` — X agreed. “…”: a quote opening its sentence takes the
 *    speaker of the sentence before it when that one introduces speech and quotes no one.
 * 5. `continuedSpeaker` — a bare quote with no cue of its own continues the previous
 *    quote's speaker; last, because any explicit cue must override it.
 *
 * The speaker found (a name, a pronoun, a description) is resolved by `speakerOf` against
 * what the article said before (`Antecedents`); unsure resolutions leave the quote
 * unattributed, since a wrong speaker is worse than none. After each sentence, its subject
 * and then its sentence-final attribution (`trailingSpeaker`: "…, Okafor said.") are recorded,
 * in that order, so the next "he said" finds the latest speaker first.
 */
export function extractQuotes(
  documents: readonly NewsDocument[],
  passages: PassageStore,
  mentions: MentionTable,
): Quotation[] {
  const quotes: Quotation[] = [];
  for (const document of documents) {
    const state: ArticleState = { antecedents: new Antecedents() };
    for (const paragraph of document.paragraphs)
      quotes.push(...paragraphQuotes(paragraph, passages, mentions, state));
  }
  return quotes;
}

interface ArticleState {
  antecedents: Antecedents;
  previous?: PreviousQuote;
}

function paragraphQuotes(
  paragraph: Paragraph,
  passages: PassageStore,
  mentions: MentionTable,
  state: ArticleState,
): Quotation[] {
  const passageOf = (i: number) => passages.at(paragraph, i);
  const mentionsOf = (i: number) => mentions.get(passageOf(i)?.id ?? -1) ?? [];
  const view = paragraphView(paragraph, mentionsOf);
  const found: Quotation[] = [];
  paragraph.sentences.forEach((sentence, index) => {
    const passage = passageOf(index);
    if (!passage) return;
    for (const span of view.spans) {
      if (span.open < sentence.start || span.open >= sentence.end) continue;
      const lastIndex = sentenceIndexAt(paragraph, span.close - 1);
      const last = paragraph.sentences[lastIndex] ?? sentence;
      const speaker = attribute(view, span, state);
      const local = { ...span, open: span.open - sentence.start, close: span.close - sentence.start };
      const quotation: Quotation = {
        passageId: passage.id,
        lastPassageId: passageOf(lastIndex)?.id ?? passage.id,
        quote: span.inner,
        partial: isPartialQuote(paragraph.text.slice(sentence.start, last.end), local),
      };
      if (speaker) {
        quotation.speaker = speaker.name;
        quotation.speakerText = speaker.text;
        if (speaker.entity) quotation.entity = speaker.entity;
      }
      found.push(quotation);
    }
    noteSentence(view, sentence, mentionsOf(index), state.antecedents);
  });
  return found;
}

function attribute(view: ParagraphView, span: QuoteSpan, state: ArticleState): Speaker | undefined {
  const expression =
    speakerAfterQuote(view, span) ??
    speakerBeforeQuote(view, span) ??
    speakerAtSentenceEnd(view, span) ??
    speakerInSentenceBefore(view, span);
  const speaker = expression
    ? speakerOf(expression, view.expressions, state.antecedents, clauseSubjectBefore(view, expression.start))
    : continuedSpeaker(view, span, state.previous);
  if (speaker?.entity) state.antecedents.noteSubject(speaker.entity);
  state.previous = {
    view,
    span,
    ...(speaker && { speaker }),
    ...(expression && { speakerAt: expression.start }),
  };
  return speaker;
}

/** The subject of the clause, in the reporter's words before an offset. */
function clauseSubjectBefore(view: ParagraphView, offset: number): ReferringExpression | undefined {
  const start = clauseStart(view, offset);
  const own = view.expressions
    .filter((e) => e.start >= start && e.end <= offset)
    .map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
  const subject = sentenceSubject(view.masked.slice(start, offset), own);
  return subject && view.expressions.find((e) => e.start === subject.start + start);
}

/** Records what a sentence tells of who is who: its subject, and everyone it names. */
function noteSentence(
  view: ParagraphView,
  sentence: Paragraph["sentences"][number],
  mentions: MentionTable extends ReadonlyMap<number, infer M> ? M : never,
  antecedents: Antecedents,
): void {
  const own = view.expressions
    .filter((e) => e.start >= sentence.start && e.end <= sentence.end)
    .map((e) => ({ ...e, start: e.start - sentence.start, end: e.end - sentence.start }));
  const text = view.masked.slice(sentence.start, sentence.end);
  const subject = sentenceSubject(text, own);
  const referent = subject && resolveExpression(subject, own, antecedents);
  if (referent) antecedents.noteSubject(referent.entity);
  const trailing = trailingSpeaker(view, sentence.start, sentence.end);
  const speaker = trailing && resolveExpression(trailing, view.expressions, antecedents);
  if (speaker) antecedents.noteSubject(speaker.entity);
  antecedents.noteMentions(mentions.map((m) => m.entity));
}

function sentenceIndexAt(paragraph: Paragraph, offset: number): number {
  const i = paragraph.sentences.findIndex((s) => offset >= s.start && offset < s.end);
  return i === -1 ? paragraph.sentences.length - 1 : i;
}

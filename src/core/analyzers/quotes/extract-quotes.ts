import type { PassageStore } from "../../index/passages.js";
import type { NewsDocument, Paragraph } from "../../model.js";
import { REPORTING_VERBS } from "../../text/lexicon.js";
import { foldAccents } from "../../text/terms.js";
import type { Entity, MentionTable, ResolvedMention } from "../entities/entity-index.js";
import { findQuoteSpans, isPartialQuote, type QuoteSpan } from "./quote-spans.js";
import { type Candidate, sentenceSubject, speakerCandidates } from "./speaker-candidates.js";

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

interface Speaker {
  name: string;
  entity?: Entity;
  text: string;
}

/** What has been said so far in an article, for resolving "he" and "the Colombian leader". */
interface DocumentState {
  lastSubject?: Speaker;
  recentPersons: Entity[];
}

// How far before a quote its reporting verb may stand.
const MAX_WORDS_VERB_TO_QUOTE = 10;

/**
 * Finds every direct quotation of the corpus and attributes it through
 * reporting verbs and sentence structure: after the quote (“…,” X said), before
 * it (X said, “…”; X …, declaring, “…”; X’s words: “…”), with pronouns and
 * descriptions resolved to the person named before. A quote with no reporting
 * structure stays unattributed rather than going to whoever is mentioned nearby.
 */
export function extractQuotes(
  documents: readonly NewsDocument[],
  passages: PassageStore,
  mentions: MentionTable,
): Quotation[] {
  const quotes: Quotation[] = [];
  for (const document of documents) {
    const state: DocumentState = { recentPersons: [] };
    for (const paragraph of document.paragraphs) {
      quotes.push(...paragraphQuotes(paragraph, passages, mentions, state));
    }
  }
  return quotes;
}

function paragraphQuotes(
  paragraph: Paragraph,
  passages: PassageStore,
  mentions: MentionTable,
  state: DocumentState,
): Quotation[] {
  const spans = findQuoteSpans(paragraph.text);
  const found: Quotation[] = [];
  paragraph.sentences.forEach((sentence, index) => {
    const passage = passages.at(paragraph, index);
    if (!passage) return;
    const starting = spans.filter((s) => s.open >= sentence.start && s.open < sentence.end);
    for (const span of starting) {
      const lastIndex = sentenceIndexAt(paragraph, span.close - 1);
      const last = paragraph.sentences[lastIndex] ?? sentence;
      const window = buildWindow(paragraph, passages, mentions, index, lastIndex);
      const local = { ...span, open: span.open - sentence.start, close: span.close - sentence.start };
      const speaker =
        attribute(window.text, local, window.candidates, state) ?? continuation(found, window.text, local);
      const quotation: Quotation = {
        passageId: passage.id,
        lastPassageId: passages.at(paragraph, lastIndex)?.id ?? passage.id,
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
    updateState(paragraph.text.slice(sentence.start, sentence.end), mentions.get(passage.id) ?? [], state);
  });
  return found;
}

function sentenceIndexAt(paragraph: Paragraph, offset: number): number {
  const i = paragraph.sentences.findIndex((s) => offset >= s.start && offset < s.end);
  return i === -1 ? paragraph.sentences.length - 1 : i;
}

function buildWindow(
  paragraph: Paragraph,
  passages: PassageStore,
  mentions: MentionTable,
  from: number,
  to: number,
) {
  const first = paragraph.sentences[from];
  const candidates: Candidate[] = [];
  for (let i = from; i <= to; i++) {
    const sentence = paragraph.sentences[i];
    const passage = passages.at(paragraph, i);
    if (!sentence || !passage || !first) continue;
    const shift = sentence.start - first.start;
    const text = paragraph.text.slice(sentence.start, sentence.end);
    for (const c of speakerCandidates(text, mentions.get(passage.id) ?? [])) {
      candidates.push({ ...c, start: c.start + shift, end: c.end + shift });
    }
  }
  const end = paragraph.sentences[to]?.end ?? first?.end ?? 0;
  return { text: paragraph.text.slice(first?.start ?? 0, end), candidates };
}

function attribute(
  text: string,
  span: QuoteSpan,
  candidates: Candidate[],
  state: DocumentState,
): Speaker | undefined {
  const after = afterQuote(text, span, candidates);
  if (after) return resolve(after, text, candidates, state);
  const before = text.slice(0, span.open);
  const verb = lastReportingVerb(before);
  if (!verb) return undefined;
  const participle = verb.word.endsWith("ing") || verb.word === ":";
  if (!participle) {
    const direct = candidates.find(
      (c) =>
        c.end <= verb.start &&
        /^\s+(?:[\p{Ll}]+ly\s+|also\s+|later\s+|then\s+|had\s+|has\s+|have\s+)?$/u.test(
          text.slice(c.end, verb.start),
        ),
    );
    if (direct) return resolve(direct, text, candidates, state);
  }
  const subject = sentenceSubject(
    before.slice(0, verb.start),
    candidates.filter((c) => c.end <= verb.start),
  );
  return subject ? resolve(subject, text, candidates, state) : undefined;
}

/** “…,” X said / “…,” said X / “…” an official warned. */
function afterQuote(text: string, span: QuoteSpan, candidates: Candidate[]): Candidate | undefined {
  for (const c of candidates) {
    if (c.start < span.close) continue;
    const between = text.slice(span.close, c.start);
    const afterC = /^\s+(?:[\p{Ll}]+ly\s+|also\s+|later\s+)?([\p{L}]+)/u
      .exec(text.slice(c.end))?.[1]
      ?.toLowerCase();
    if (/^[\s,—–-]*$/u.test(between) && afterC && REPORTING_VERBS.has(afterC)) return c;
    const verbFirst = /^[\s,—–-]*([\p{L}]+)\s+$/u.exec(between)?.[1]?.toLowerCase();
    if (verbFirst && REPORTING_VERBS.has(verbFirst)) return c;
    return undefined;
  }
  return undefined;
}

function lastReportingVerb(before: string): { word: string; start: number } | undefined {
  const words = Array.from(before.matchAll(/[\p{L}’'-]+|:/gu));
  for (let i = words.length - 1; i >= 0 && words.length - 1 - i <= MAX_WORDS_VERB_TO_QUOTE; i--) {
    const match = words[i] as RegExpExecArray;
    const word = match[0].toLowerCase();
    if (word === ":" && i === words.length - 1) return { word, start: match.index };
    if (REPORTING_VERBS.has(word)) return { word, start: match.index };
  }
  return undefined;
}

function resolve(
  candidate: Candidate,
  text: string,
  all: Candidate[],
  state: DocumentState,
): Speaker | undefined {
  switch (candidate.kind) {
    case "name": {
      const entity = candidate.mention?.entity;
      return entity ? { name: entity.name, entity, text: candidate.text } : undefined;
    }
    case "relative": {
      const antecedent = [...all].reverse().find((c) => c.kind === "name" && c.end <= candidate.start);
      return antecedent ? resolve(antecedent, text, all, state) : undefined;
    }
    case "pronoun": {
      const subject = sentenceSubject(text, all);
      if (subject && subject !== candidate && subject.kind === "name" && subject.start < candidate.start) {
        const speaker = resolve(subject, text, all, state);
        return speaker && { ...speaker, text: candidate.text };
      }
      return state.lastSubject && { ...state.lastSubject, text: candidate.text };
    }
    case "description": {
      if (!candidate.definite) return { name: candidate.text.toLowerCase(), text: candidate.text };
      const person = describedPerson(candidate.text, state);
      if (person) return { name: person.name, entity: person, text: candidate.text };
      return state.lastSubject && { ...state.lastSubject, text: candidate.text };
    }
  }
}

/** "the Colombian leader" → the last person whose descriptions mention "Colombia…". */
function describedPerson(description: string, state: DocumentState): Entity | undefined {
  const words = foldAccents(description)
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 3 && !/^(the|leader|president|official|minister)$/u.test(w))
    .map((w) => w.replace(/(?:ian|an|s)$/u, ""));
  if (words.length === 0) return undefined;
  return [...state.recentPersons].reverse().find((person) => {
    const known = foldAccents([...person.descriptions.keys()].join(" "));
    return words.some((w) => known.includes(w));
  });
}

/** A quote standing alone as a sentence continues the previous speaker of the paragraph. */
function continuation(previous: Quotation[], text: string, span: QuoteSpan): Speaker | undefined {
  const last = previous.at(-1);
  const alone = text.slice(0, span.open).trim() === "" && /^[\s.,!?]*$/u.test(text.slice(span.close));
  if (!alone || !last?.speaker) return undefined;
  return {
    name: last.speaker,
    ...(last.entity && { entity: last.entity }),
    text: last.speakerText ?? last.speaker,
  };
}

function updateState(sentence: string, mentions: readonly ResolvedMention[], state: DocumentState): void {
  const candidates = speakerCandidates(sentence, mentions);
  const subject = sentenceSubject(sentence, candidates);
  if (subject) {
    const speaker = resolve(subject, sentence, candidates, state);
    if (speaker?.entity?.kind === "person") state.lastSubject = speaker;
  }
  for (const mention of mentions) {
    if (mention.entity.kind === "person") state.recentPersons.push(mention.entity);
  }
}

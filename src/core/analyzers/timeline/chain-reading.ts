import { type Passage, type PassageStore, passageText } from "../../index/passages.js";
import { tenseMarkers } from "../dates/tense.js";
import type { Entity } from "../entities/entity-index.js";
import { type Gender, pronounAgreement } from "../entities/gender.js";
import { type AnaphoricSubject, type AnaphorKind, anaphoricSubject } from "./anaphoric-subject.js";

/** What the chain needs of a sentence's anaphoric subject: whom it can stand for. */
export interface ChainSubject {
  kind: AnaphorKind;
  /** The gender the words ask for ("she" → female); `unknown` for "it", "the company", "they". */
  gender: Gender;
}

/**
 * How the "it / the company" chain reads its sentences (see `topicContinuations`):
 * computing as it goes (`computedReading`), or looking up what was decided while
 * building (`SentenceSubjects`) — the same answers either way.
 */
export interface ChainReading {
  /** The anaphoric subject each sentence opens with, for a topic of these words (see `anaphoricSubject`). */
  subjectsFor(topicWords: readonly string[]): (passageId: number) => ChainSubject | undefined;
  /** A name found before this offset of the sentence is its subject (see `topicIsSubject`). */
  subjectLimit(passageId: number): number;
}

/** The chain's reading of an anaphoric subject. */
export function chainSubject(subject: AnaphoricSubject | undefined): ChainSubject | undefined {
  if (subject === undefined) return undefined;
  return { kind: subject.kind, gender: pronounAgreement(subject.text)?.gender ?? "unknown" };
}

/** Whom an entity's anaphors are: "he"/"she" for a person, "it"/"the company" for an organisation, either for another name. */
export function anaphorKindOf(entity: Entity): AnaphorKind | undefined {
  return entity.kind === "person" ? "person" : entity.kind === "organization" ? "thing" : undefined;
}

/** Whether a subject asking for `wanted` may stand for someone of `gender` (an unknown on either side may). */
export function gendersAgree(gender: Gender, wanted: Gender): boolean {
  return gender === "unknown" || wanted === "unknown" || wanted === gender;
}

/**
 * Where a sentence's subject ends, for `topicIsSubject`: its first verb we can see
 * (the first of its tense markers), or half its length in a sentence without one.
 */
export function subjectLimit(sentence: string): number {
  return tenseMarkers(sentence)[0]?.start ?? Math.floor(sentence.length / 2);
}

/** The chain's reading computed from each sentence's text when it is asked for. */
export function computedReading(store: PassageStore): ChainReading {
  const text = (id: number): string => {
    const passage = store.get(id);
    return passage === undefined ? "" : passageText(passage);
  };
  return {
    subjectsFor: (topicWords) => (id) =>
      store.get(id) === undefined ? undefined : chainSubject(anaphoricSubject(text(id), topicWords)),
    subjectLimit: (id) => subjectLimit(text(id)),
  };
}

/** Whether `next` goes on from `previous`: the next sentence of its paragraph, or the first of the next paragraph. */
export function followsOn(previous: Passage, next: Passage): boolean {
  if (next.document !== previous.document) return false;
  if (next.paragraph === previous.paragraph) return true;
  const last = previous.sentenceIndex === previous.paragraph.sentences.length - 1;
  return last && next.sentenceIndex === 0 && next.paragraph.number === previous.paragraph.number + 1;
}

import type { Passage, PassageStore } from "../../index/passages.js";
import { passageText } from "../../index/passages.js";
import { tenseMarkers } from "../dates/tense.js";
import { type AnaphoricSubject, type AnaphorKind, anaphoricSubject } from "./anaphoric-subject.js";

/** How many sentences in a row may go on speaking of the topic through anaphors. */
export const MAX_CHAIN = 3;

/**
 * Whether the topic is what a sentence is about: it is named before the first verb we
 * can see ("Steve Jobs, the Apple CEO, announced…"), or in the first half of a sentence
 * without one — not as the object ("Tim Cook will be succeeding Jobs").
 */
export function topicIsSubject(sentence: string, firstMatch: number): boolean {
  const firstVerb = tenseMarkers(sentence)[0]?.start;
  return firstMatch < (firstVerb ?? Math.floor(sentence.length / 2));
}

/**
 * The sentences that go on speaking of a topic after one that names it as its subject,
 * through an anaphoric subject ("He", "The company", "It"): the next sentences of the
 * same paragraph, or the first of the next paragraph, up to `MAX_CHAIN` in a row, each
 * opening with an anaphor of the topic's kind: a person for "he"/"she", a thing for
 * "it"/"the company", either when the kind is not known (`undefined`). This is centering in its simplest form: an anaphoric subject
 * refers to the subject of the sentence before.
 *
 * `agrees` may refuse a subject: `/timeline` refuses "she" for a man, by the entities
 * analyzer's gender agreement. Besides these chains, `/timeline` follows the entities
 * analyzer's own resolution (`Engine.references`), which checks gender and reaches past a
 * sentence about someone else, but does not follow "his", "it", "its" or "the planemaker".
 */
export function topicContinuations(
  store: PassageStore,
  named: Iterable<number>,
  firstMatch: (passageId: number) => number | undefined,
  kind: AnaphorKind | undefined,
  topicWords: readonly string[] = [],
  agrees: (subject: AnaphoricSubject) => boolean = () => true,
): number[] {
  const namedIds = new Set(named);
  const found = new Set<number>();
  for (const passageId of namedIds) {
    const passage = store.get(passageId);
    if (passage === undefined) continue;
    let current: Passage = passage;
    for (let step = 0; step < MAX_CHAIN; step++) {
      const next = store.get(current.id + 1);
      if (next === undefined || !follows(current, next) || namedIds.has(next.id)) break;
      const subject = anaphoricSubject(passageText(next), topicWords);
      if (subject === undefined || (kind !== undefined && subject.kind !== kind) || !agrees(subject)) break;
      // Checked only now: most sentences after a match open with no anaphor at all.
      if (step === 0) {
        const offset = firstMatch(passageId);
        if (offset === undefined || !topicIsSubject(passageText(passage), offset)) break;
      }
      found.add(next.id);
      current = next;
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** The next sentence of the same paragraph, or the first of the next paragraph. */
function follows(previous: Passage, next: Passage): boolean {
  if (next.document !== previous.document) return false;
  if (next.paragraph === previous.paragraph) return true;
  const last = previous.sentenceIndex === previous.paragraph.sentences.length - 1;
  return last && next.sentenceIndex === 0 && next.paragraph.number === previous.paragraph.number + 1;
}

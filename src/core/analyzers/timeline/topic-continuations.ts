import type { Passage, PassageStore } from "../../index/passages.js";
import type { Gender } from "../entities/gender.js";
import type { AnaphorKind } from "./anaphoric-subject.js";
import { type ChainReading, followsOn, gendersAgree, subjectLimit } from "./chain-reading.js";

/** How many sentences in a row may go on speaking of the topic through anaphors. */
export const MAX_CHAIN = 3;

/**
 * Whether the topic is what a sentence is about: it is named before the first verb we
 * can see ("Steve Jobs, the Apple CEO, announced…"), or in the first half of a sentence
 * without one — not as the object ("Tim Cook will be succeeding Jobs").
 */
export function topicIsSubject(sentence: string, firstMatch: number): boolean {
  return firstMatch < subjectLimit(sentence);
}

/**
 * The sentences that go on speaking of a topic after one that names it as its subject,
 * through an anaphoric subject ("He", "The company", "It"): the next sentences of the
 * same paragraph, or the first of the next paragraph, up to `MAX_CHAIN` in a row, each
 * opening with an anaphor of the topic's kind: a person for "he"/"she", a thing for
 * "it"/"the company", either when the kind is not known (`undefined`). This is centering in its simplest form: an anaphoric subject
 * refers to the subject of the sentence before.
 *
 * A subject of the wrong gender is refused: "she" for a man, by the entities analyzer's
 * gender agreement (`gender`, the topic's). `reading` reads the sentences' subjects
 * (looked up in what the build decided, in `/timeline`); `namedBefore(id, offset)` says
 * whether a sentence names the topic before an offset. Besides these chains, `/timeline` follows the entities
 * analyzer's own resolution (`Engine.references`), which checks gender and reaches past a
 * sentence about someone else, but does not follow "his", "it", "its" or "the planemaker".
 */
export function topicContinuations(
  store: PassageStore,
  reading: ChainReading,
  named: { has(passageId: number): boolean; keys(): Iterable<number> },
  namedBefore: (passageId: number, offset: number) => boolean,
  kind: AnaphorKind | undefined,
  topicWords: readonly string[] = [],
  gender: Gender = "unknown",
): number[] {
  const subjectOf = reading.subjectsFor(topicWords);
  const found = new Set<number>();
  for (const passageId of named.keys()) {
    const passage = store.get(passageId);
    if (passage === undefined) continue;
    let current: Passage = passage;
    for (let step = 0; step < MAX_CHAIN; step++) {
      const next = store.get(current.id + 1);
      if (next === undefined || !followsOn(current, next) || named.has(next.id)) break;
      const subject = subjectOf(next.id);
      if (subject === undefined || (kind !== undefined && subject.kind !== kind)) break;
      if (!gendersAgree(gender, subject.gender)) break;
      // Checked only now: most sentences after a match open with no anaphor at all.
      if (step === 0) {
        if (!namedBefore(passageId, reading.subjectLimit(passageId))) break;
      }
      found.add(next.id);
      current = next;
    }
  }
  return [...found].sort((a, b) => a - b);
}

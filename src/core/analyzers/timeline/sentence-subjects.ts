import { type PassageStore, passageText } from "../../index/passages.js";
import { sortedHas } from "../../index/sorted-ids.js";
import type { Entity, MentionTable } from "../entities/entity-index.js";
import { type Gender, genderOf } from "../entities/gender.js";
import { anaphoricSubject, isTopicNoun, subjectBeforeTopic } from "./anaphoric-subject.js";
import {
  anaphorKindOf,
  type ChainReading,
  type ChainSubject,
  chainSubject,
  followsOn,
  gendersAgree,
  subjectLimit,
} from "./chain-reading.js";

// A sentence's code: its subject's kind in the low bits, the gender it asks for, or
// TOPIC: no subject unless a word of the topic makes it a description ("The new iPhone").
const PERSON = 1;
const THING = 2;
const MALE = 4;
const FEMALE = 8;
const TOPIC = 16;
// In `limits`: not stored (no chain can start there); computed if ever asked for.
const UNSTORED = 0xffff;

const SUBJECTS: Record<number, ChainSubject> = {};
for (const kind of [PERSON, THING]) {
  for (const [bits, gender] of [
    [0, "unknown"],
    [MALE, "male"],
    [FEMALE, "female"],
  ] as const) {
    SUBJECTS[kind | bits] = Object.freeze({ kind: kind === PERSON ? "person" : "thing", gender });
  }
}

function codeOf(subject: ChainSubject): number {
  const kind = subject.kind === "person" ? PERSON : THING;
  const gender: Record<Gender, number> = { unknown: 0, male: MALE, female: FEMALE };
  return kind | gender[subject.gender];
}

function holdsAny(text: string, words: readonly string[]): boolean {
  return words.some((word) => text.includes(word));
}

function mayStandFor(subject: ChainSubject | undefined, entity: Entity): boolean {
  if (subject === undefined) return false;
  const kind = anaphorKindOf(entity);
  return (kind === undefined || kind === subject.kind) && gendersAgree(genderOf(entity), subject.gender);
}

/** A snapshot's form of `SentenceSubjects`: typed arrays as base64, the nouns' passages in one array. */
export interface SentenceSubjectsJSON {
  codes: string;
  limits: string;
  nouns: string[];
  /** How many passages each noun has, in `nounPassages`, in the order of `nouns`. */
  nounCounts: number[];
  nounPassages: string;
}

/**
 * The "it / the company" chain's reading of every sentence, decided once while building
 * (a `ChainReading` that looks up what `computedReading` computes): the anaphoric subject
 * each sentence opens with and whom it can stand for; for a sentence whose only chance
 * of one is a description naming the topic ("The new iPhone"), the words that could
 * make it one (a question's topic then reads only those sentences); and, for each
 * sentence a chain can go on from, where its own subject ends (`topicIsSubject`).
 */
export class SentenceSubjects implements ChainReading {
  private constructor(
    private readonly store: PassageStore,
    private readonly codes: Uint8Array,
    private readonly limits: Uint16Array,
    private readonly nouns: ReadonlyMap<string, Uint32Array>,
  ) {}

  /**
   * Reads every sentence of a store. With the corpus's name mentions, where a sentence's
   * own subject ends is kept only where a chain can start: a sentence naming someone or
   * something of the kind and gender the next sentence's anaphor asks for, or holding a
   * word that can make the next one a description of a topic. Anywhere else it is
   * computed if ever asked for (the answer is the same, only slower).
   */
  static build(store: PassageStore, mentions?: MentionTable): SentenceSubjects {
    const count = store.all.length;
    const codes = new Uint8Array(count);
    const nouns = new Map<string, number[]>();
    const nounsOf = new Map<number, string[]>();
    for (const passage of store.all) {
      const { subject, topicNouns } = subjectBeforeTopic(passageText(passage));
      const found = chainSubject(subject);
      if (found !== undefined) codes[passage.id] = codeOf(found);
      else if (topicNouns.length > 0) codes[passage.id] = TOPIC;
      if (topicNouns.length > 0) nounsOf.set(passage.id, topicNouns);
      for (const noun of topicNouns) {
        const ids = nouns.get(noun);
        if (ids === undefined) nouns.set(noun, [passage.id]);
        else ids.push(passage.id);
      }
    }
    const limits = new Uint16Array(count).fill(UNSTORED);
    for (let id = 0; id + 1 < count; id++) {
      const code = codes[id + 1] ?? 0;
      const passage = store.all[id];
      const next = store.all[id + 1];
      if (code === 0 || passage === undefined || next === undefined || !followsOn(passage, next)) continue;
      const text = passageText(passage);
      if (mentions !== undefined) {
        const named = mentions.get(id) ?? [];
        if (code !== TOPIC && !named.some(({ entity }) => mayStandFor(SUBJECTS[code], entity))) continue;
        if (code === TOPIC && !(named.length > 0 && holdsAny(text.toLowerCase(), nounsOf.get(id + 1) ?? [])))
          continue;
      }
      limits[id] = Math.min(subjectLimit(text), UNSTORED);
    }
    const typed = new Map<string, Uint32Array>();
    for (const [noun, ids] of nouns) typed.set(noun, Uint32Array.from(ids));
    return new SentenceSubjects(store, codes, limits, typed);
  }

  subjectsFor(topicWords: readonly string[]): (passageId: number) => ChainSubject | undefined {
    const lists: Uint32Array[] = [];
    for (const word of topicWords) {
      const ids = isTopicNoun(word) ? this.nouns.get(word.toLowerCase()) : undefined;
      if (ids !== undefined) lists.push(ids);
    }
    return (id) => {
      const code = this.codes[id] ?? 0;
      if (code === 0) return undefined;
      if (code !== TOPIC) return SUBJECTS[code];
      if (!lists.some((ids) => sortedHas(ids, id))) return undefined;
      const passage = this.store.get(id);
      return passage === undefined
        ? undefined
        : chainSubject(anaphoricSubject(passageText(passage), topicWords));
    };
  }

  subjectLimit(passageId: number): number {
    const stored = this.limits[passageId] ?? UNSTORED;
    if (stored !== UNSTORED) return stored;
    const passage = this.store.get(passageId);
    return passage === undefined ? 0 : subjectLimit(passageText(passage));
  }

  /** The snapshot's form. */
  toJSON(): SentenceSubjectsJSON {
    const nouns = [...this.nouns.keys()];
    const lists = nouns.map((noun) => this.nouns.get(noun) as Uint32Array);
    const all = new Uint32Array(lists.reduce((n, ids) => n + ids.length, 0));
    let at = 0;
    for (const ids of lists) {
      all.set(ids, at);
      at += ids.length;
    }
    return {
      codes: base64(this.codes),
      limits: base64(this.limits),
      nouns,
      nounCounts: lists.map((ids) => ids.length),
      nounPassages: base64(all),
    };
  }

  /** Reads a snapshot's form back over the same passages; throws when it does not fit them. */
  static fromJSON(data: SentenceSubjectsJSON, store: PassageStore): SentenceSubjects {
    const codes = new Uint8Array(bytes(data.codes));
    const limits = new Uint16Array(aligned(bytes(data.limits)));
    const all = new Uint32Array(aligned(bytes(data.nounPassages)));
    if (codes.length !== store.all.length || limits.length !== store.all.length)
      throw new Error("sentence subjects and passages disagree");
    const nouns = new Map<string, Uint32Array>();
    let at = 0;
    data.nouns.forEach((noun, i) => {
      const count = data.nounCounts[i] ?? 0;
      nouns.set(noun, all.subarray(at, at + count));
      at += count;
    });
    if (at !== all.length) throw new Error("sentence subjects' nouns do not add up");
    return new SentenceSubjects(store, codes, limits, nouns);
  }
}

function base64(array: Uint8Array | Uint16Array | Uint32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

function bytes(text: string): Buffer {
  return Buffer.from(text, "base64");
}

// A typed array of wider elements needs its own aligned buffer: a decoded Buffer may sit at any offset of a pool.
function aligned(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

import { type PassageStore, passageText } from "../../index/passages.js";
import type { Gender } from "../entities/gender.js";
import { anaphoricSubject, isTopicNoun, subjectBeforeTopic } from "./anaphoric-subject.js";
import {
  type ChainReading,
  type ChainSubject,
  chainSubject,
  followsOn,
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
    SUBJECTS[kind | bits] = { kind: kind === PERSON ? "person" : "thing", gender };
  }
}

function codeOf(subject: ChainSubject): number {
  const kind = subject.kind === "person" ? PERSON : THING;
  const gender: Record<Gender, number> = { unknown: 0, male: MALE, female: FEMALE };
  return kind | gender[subject.gender];
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

  /** Reads every sentence of a store. */
  static build(store: PassageStore): SentenceSubjects {
    const count = store.all.length;
    const codes = new Uint8Array(count);
    const nouns = new Map<string, number[]>();
    for (const passage of store.all) {
      const { subject, topicNouns } = subjectBeforeTopic(passageText(passage));
      const found = chainSubject(subject);
      if (found !== undefined) codes[passage.id] = codeOf(found);
      else if (topicNouns.length > 0) codes[passage.id] = TOPIC;
      for (const noun of topicNouns) {
        const ids = nouns.get(noun);
        if (ids === undefined) nouns.set(noun, [passage.id]);
        else ids.push(passage.id);
      }
    }
    const limits = new Uint16Array(count).fill(UNSTORED);
    // A chain only goes on from a sentence when the next one may open with an anaphor.
    for (let id = 0; id + 1 < count; id++) {
      const passage = store.all[id];
      const next = store.all[id + 1];
      if (codes[id + 1] === 0 || passage === undefined || next === undefined || !followsOn(passage, next))
        continue;
      limits[id] = Math.min(subjectLimit(passageText(passage)), UNSTORED);
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

function sortedHas(ids: Uint32Array, id: number): boolean {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ids[middle] as number) < id) low = middle + 1;
    else high = middle;
  }
  return ids[low] === id;
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

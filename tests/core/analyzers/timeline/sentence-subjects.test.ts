import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { genderOf } from "../../../../src/core/analyzers/entities/gender.js";
import {
  anaphoricSubject,
  isTopicNoun,
  subjectBeforeTopic,
} from "../../../../src/core/analyzers/timeline/anaphoric-subject.js";
import {
  anaphorKindOf,
  type ChainReading,
  computedReading,
} from "../../../../src/core/analyzers/timeline/chain-reading.js";
import { SentenceSubjects } from "../../../../src/core/analyzers/timeline/sentence-subjects.js";
import { topicContinuations } from "../../../../src/core/analyzers/timeline/topic-continuations.js";
import type { Engine } from "../../../../src/core/engine.js";
import { passageText } from "../../../../src/core/index/passages.js";
import { engineFor } from "../../../helpers/article-engine.js";
import { seedEngine } from "../../../helpers/seed-engine.js";
import { wireStories } from "../../../helpers/wire-stories.js";

// Words a sentence's opening is made of: determiners, the pronouns, nouns of any trade,
// numbers with commas and points, hyphenated and capitalised words, commas.
const WORDS = [
  "the",
  "The",
  "this",
  "This",
  "THE",
  "he",
  "She",
  "his",
  "her",
  "it",
  "Its",
  "its",
  "them",
  "for",
  "to",
  "company",
  "firm",
  "store",
  "iPhone",
  "tablet",
  "bank",
  "bank-owned",
  "exchange",
  "commission",
  "new",
  "rival",
  "other",
  "state",
  "In",
  "1986",
  "1,000,",
  "4.5",
  "U.S.",
  "However,",
  "later,",
  "Jobs",
  "Apple",
  "said",
  "is",
  "unclear",
  "was",
  "maker",
  "planemaker",
  "-",
  "Zeno",
  "co-op",
  "ex-chief",
  ",",
  "“It",
];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).chain((words) =>
  fc
    .array(fc.constantFrom(" ", " ", "  ", ", ", "\u00a0"), {
      minLength: words.length,
      maxLength: words.length,
    })
    .map((spaces) => words.map((w, i) => w + spaces[i]).join("")),
);
const topicWords = fc.array(fc.constantFrom(...WORDS, "Exchange", "STORE", "bank-", "ban", "x"), {
  minLength: 0,
  maxLength: 3,
});

describe("subjectBeforeTopic: what no topic can change of a sentence's anaphoric subject", () => {
  it("is the subject whatever the topic, or none unless a topic word is one of its nouns", () => {
    fc.assert(
      fc.property(sentence, topicWords, (text, words) => {
        const { subject, topicNouns } = subjectBeforeTopic(text);
        const withTopic = anaphoricSubject(text, words);
        if (subject !== undefined) {
          expect(withTopic).toEqual(subject);
          return;
        }
        const mayMatter = words.some((w) => isTopicNoun(w) && topicNouns.includes(w.toLowerCase()));
        if (!mayMatter) expect(withTopic).toBeUndefined();
        expect(anaphoricSubject(text)).toBeUndefined();
      }),
      { numRuns: 20_000, seed: 14 },
    );
  });

  it("lists the nouns a topic could name the sentence's subject by", () => {
    expect(subjectBeforeTopic("The new iPhone sold out.").topicNouns).toContain("iphone");
    // A hyphenated modifier ends the description: "shuttle" cannot be its noun.
    expect(subjectBeforeTopic("In 1986 the state-owned shuttle stalled.").topicNouns).toEqual([
      "state",
      "state-",
      "state-owned",
    ]);
    expect(
      subjectBeforeTopic("Analysts in Tokyo said on Monday that the new iPhone sold out.").topicNouns,
    ).toEqual([]);
    expect(subjectBeforeTopic("The company denied it.")).toMatchObject({ subject: { noun: "company" } });
  });
});

/** Every entity of an engine as a topic: its name's words, the passages naming it, its kind and gender. */
function topicsOf(engine: Engine) {
  return engine.entities.all().map((entity) => ({
    words: entity.name.split(/\s+/u),
    naming: new Set(entity.passageIds),
    namedBefore: (id: number, offset: number) =>
      [...entity.aliases].some((alias) => {
        const at = engine.text(id).indexOf(alias);
        return at >= 0 && at < offset;
      }),
    kind: anaphorKindOf(entity),
    gender: genderOf(entity),
  }));
}

function chains(engine: Engine, reading: ChainReading): number[][] {
  return topicsOf(engine).map((t) =>
    topicContinuations(engine.passages, reading, t.naming, t.namedBefore, t.kind, t.words, t.gender),
  );
}

describe.each([
  ["the seed corpus", () => seedEngine()],
  ["300-odd sentences of wire stories", () => engineFor(...wireStories(40))],
])("SentenceSubjects over %s: the chain as decided while building", (_, makeEngine) => {
  let engine: Engine;
  let computed: ChainReading;
  beforeAll(async () => {
    engine = await makeEngine();
    computed = computedReading(engine.passages);
  });

  it("reads every sentence's subject as computing it does, for every topic", () => {
    const topics = [
      ...topicsOf(engine).map((t) => t.words),
      ["new", "tablet"],
      ["Zeno", "TABLET"],
      ["shuttle"],
      ["store", "bank-"],
    ];
    let subjects = 0;
    for (const words of topics) {
      const stored = engine.subjects.subjectsFor(words);
      const read = computed.subjectsFor(words);
      for (const { id } of engine.passages.all) {
        expect(stored(id), `${words.join(" ")} / ${engine.text(id)}`).toEqual(read(id));
        if (read(id) !== undefined) subjects++;
      }
    }
    expect(subjects).toBeGreaterThan(0);
  });

  it("knows where every sentence's own subject ends", () => {
    for (const { id } of engine.passages.all)
      expect(engine.subjects.subjectLimit(id)).toBe(computed.subjectLimit(id));
  });

  it("chains the same sentences for every entity as computing them does", () => {
    const stored = chains(engine, engine.subjects);
    expect(stored).toEqual(chains(engine, computed));
    expect(stored.flat().length).toBeGreaterThan(0);
  });

  it("reads back from its snapshot form to the same chains", () => {
    const restored = SentenceSubjects.fromJSON(
      JSON.parse(JSON.stringify(engine.subjects.toJSON())),
      engine.passages,
    );
    expect(chains(engine, restored)).toEqual(chains(engine, engine.subjects));
    for (const { id } of engine.passages.all)
      expect(restored.subjectLimit(id)).toBe(engine.subjects.subjectLimit(id));
  });
});

describe("SentenceSubjects' snapshot form", () => {
  it("is refused over other passages", async () => {
    const engine = await engineFor(...wireStories(3));
    const other = await engineFor(...wireStories(4, 15));
    expect(() => SentenceSubjects.fromJSON(engine.subjects.toJSON(), other.passages)).toThrow(/disagree/);
  });

  it("keeps a sentence's text out (it is codes, offsets and the nouns' passages)", async () => {
    const engine = await engineFor(...wireStories(10));
    const json = JSON.stringify(engine.subjects.toJSON());
    const text = engine.passages.all.map((p) => passageText(p)).join(" ");
    expect(json.length).toBeLessThan(text.length);
  });
});

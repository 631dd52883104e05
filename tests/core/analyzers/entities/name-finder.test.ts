import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { misspell, type Random, randomInt, seededRandom } from "../../../../bench/query-pick.js";
import { EntityIndex, type EntityKind } from "../../../../src/core/analyzers/entities/entity-index.js";
import {
  matchScore,
  type NamedThing,
  NameFinder,
  nameWords,
} from "../../../../src/core/analyzers/entities/name-finder.js";
import { loadCorpus } from "../../../../src/core/corpus/load-corpus.js";
import { PassageStore } from "../../../../src/core/index/passages.js";
import { RangeTop } from "../../../../src/core/index/range-top.js";
import { SHARED_DATA } from "../../../helpers/paths.js";
import { seedEngine } from "../../../helpers/seed-engine.js";
import { tempCorpus } from "../../../helpers/temp-corpus.js";

/** Every thing scored, the matches sorted: whole form, whole words, word starts; then most mentioned; then position. */
function exhaustive(
  things: readonly NamedThing[],
  query: string,
  accept: (position: number) => boolean,
): number[] {
  const words = nameWords(query);
  if (words.length === 0) return [];
  return things
    .map((thing, position) => ({ position, score: matchScore(words, formWordsOf(thing)), thing }))
    .filter((s) => s.score > 0 && accept(s.position))
    .sort((a, b) => b.score - a.score || b.thing.mentions - a.thing.mentions || a.position - b.position)
    .map((s) => s.position);
}

const formWords = new WeakMap<NamedThing, string[][]>();

function formWordsOf(thing: NamedThing): string[][] {
  let words = formWords.get(thing);
  if (!words) {
    words = thing.forms.map(nameWords);
    formWords.set(thing, words);
  }
  return words;
}

/** What users type: a whole form, one of its words, the start of one, two words, a typo, a letter, nonsense. */
function drawNameQueries(things: readonly NamedThing[], random: Random, count: number): string[] {
  const form = () => {
    const thing = things[randomInt(random, things.length)] as NamedThing;
    return thing.forms[randomInt(random, thing.forms.length)] as string;
  };
  const word = () => {
    const words = nameWords(form());
    return words[randomInt(random, words.length)] ?? "x";
  };
  const kinds: (() => string)[] = [
    form,
    word,
    () => word().slice(0, 1 + randomInt(random, 3)),
    () => `${word()} ${word()}`,
    () => `${word()} ${word().slice(0, 2)}`,
    () => form().toUpperCase(),
    () => misspell(random, word()),
    () => "abcdefghijklmnopqrstuvwxyz"[randomInt(random, 26)] as string,
    () => `${word()}, ${form()}`,
    () => "qzxv",
  ];
  return Array.from({ length: count }, () => (kinds[randomInt(random, kinds.length)] as () => string)());
}

const LIMITS = [1, 6, 25, Number.POSITIVE_INFINITY];

function expectSameAsExhaustive(things: readonly NamedThing[], seed: number, count: number): number {
  const random = seededRandom(seed);
  const finder = NameFinder.build(things);
  let matched = 0;
  for (const [n, query] of drawNameQueries(things, random, count).entries()) {
    const limit = LIMITS[n % LIMITS.length] as number;
    const accept = n % 5 === 4 ? (position: number) => position % 3 !== 0 : () => true;
    const expected = exhaustive(things, query, accept).slice(0, limit);
    expect(finder.find(nameWords(query), limit, accept), `“${query}” limit ${limit}`).toEqual(expected);
    if (expected.length > 0) matched++;
  }
  return matched;
}

/** Names of a few words from a small vocabulary (many shared words and prefixes), mention counts with many ties. */
function syntheticThings(seed: number, count: number): NamedThing[] {
  const random = seededRandom(seed);
  const vocabulary = Array.from(
    { length: 60 },
    (_, i) => `${"bcdfgklmnprst"[i % 13]}${"aeiou"[i % 5]}${i.toString(36)}`,
  );
  const name = () =>
    Array.from({ length: 1 + randomInt(random, 3) }, () => vocabulary[Math.floor(60 * random() ** 2)]).join(
      " ",
    );
  return Array.from({ length: count }, () => ({
    forms: Array.from({ length: 1 + randomInt(random, 3) }, name),
    mentions: 1 + randomInt(random, 6),
  }));
}

describe("finding entities by name", () => {
  it("GIVEN 1,200 typed names over 1,500 synthetic names (shared words, tied mentions) THEN the best few are exhaustive scoring's, in its order", () => {
    expect(expectSameAsExhaustive(syntheticThings(1, 1500), 2, 1200)).toBeGreaterThan(700);
  });

  it("GIVEN 1,000 typed names over the seed corpus's entities THEN the same, and EntityIndex.find agrees", async () => {
    const engine = await seedEngine();
    const entities = engine.entities.atPositions();
    const things = entities.map((e) => ({ forms: [e.name, ...e.aliases], mentions: e.passageIds.length }));
    expect(expectSameAsExhaustive(things, 3, 1000)).toBeGreaterThan(400);
    const kinds: EntityKind[] = ["person"];
    for (const query of drawNameQueries(things, seededRandom(4), 300)) {
      const all = exhaustive(things, query, () => true).map((p) => entities[p]);
      expect(engine.entities.find(query), query).toEqual(all);
      expect(engine.entities.find(query, undefined, 6), query).toEqual(all.slice(0, 6));
      const people = exhaustive(things, query, (p) => entities[p]?.kind === "person").map((p) => entities[p]);
      expect(engine.entities.find(query, kinds, 3), query).toEqual(people.slice(0, 3));
    }
  });

  it.skipIf(!existsSync(join(SHARED_DATA, "reuters21578.jsonl")))(
    "GIVEN 1,500 typed names over the entities of 2,000 Reuters stories THEN the same, and after a snapshot round trip",
    async () => {
      const lines = readFileSync(join(SHARED_DATA, "reuters21578.jsonl"), "utf8").split("\n").slice(0, 2000);
      const { documents } = await loadCorpus(tempCorpus({ "reuters.jsonl": lines.join("\n") }));
      const { index } = EntityIndex.build(new PassageStore(documents).all);
      const things = index
        .atPositions()
        .map((e) => ({ forms: [e.name, ...e.aliases], mentions: e.passageIds.length }));
      expect(expectSameAsExhaustive(things, 5, 1500)).toBeGreaterThan(800);
      const restored = EntityIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
      for (const query of drawNameQueries(things, seededRandom(6), 300)) {
        expect(
          restored.find(query, undefined, 6).map((e) => e.name),
          query,
        ).toEqual(index.find(query, undefined, 6).map((e) => e.name));
      }
    },
    120_000,
  );

  it("GIVEN a saved finder THEN it finds what the built one finds; GIVEN one of other names THEN it is refused", () => {
    const things = syntheticThings(7, 300);
    const built = NameFinder.build(things);
    const saved = JSON.parse(JSON.stringify(built.toJSON()));
    const restored = NameFinder.fromJSON(things, saved);
    for (const query of drawNameQueries(things, seededRandom(9), 300)) {
      const words = nameWords(query);
      expect(restored?.find(words, 6), query).toEqual(built.find(words, 6));
    }
    expect(NameFinder.fromJSON(things.slice(0, 100), saved)).toBeUndefined();
    expect(NameFinder.fromJSON(things, { ...saved, owners: saved.owners.slice(1) })).toBeUndefined();
    expect(NameFinder.fromJSON(things, undefined)).toBeUndefined();
  });
});

describe("a range read smallest value first", () => {
  it("GIVEN random values and ranges THEN the positions come out as sorting the range would order them", () => {
    const random = seededRandom(8);
    for (const size of [1, 2, 3, 7, 64, 100, 1000]) {
      const values = Int32Array.from({ length: size }, () => randomInt(random, 10));
      const top = new RangeTop(values);
      for (let n = 0; n < 50; n++) {
        const start = randomInt(random, size);
        const end = start + randomInt(random, size - start + 1);
        const sorted = Array.from({ length: end - start }, (_, i) => start + i).sort(
          (a, b) => (values[a] as number) - (values[b] as number) || a - b,
        );
        expect([...top.ascending(start, end)], `${size} [${start}, ${end})`).toEqual(sorted);
      }
    }
  });
});

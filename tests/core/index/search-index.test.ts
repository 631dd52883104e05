import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../bench/query-pick.js";
import type { Engine } from "../../../src/core/engine.js";
import { SearchIndex } from "../../../src/core/index/search-index.js";
import { engineFromSnapshot, engineToSnapshot } from "../../../src/core/snapshot/serialize.js";
import { indexTerm } from "../../../src/core/text/terms.js";
import { engineFor } from "../../helpers/article-engine.js";
import { seedEngine } from "../../helpers/seed-engine.js";
import { drawQueries } from "./random-queries.js";

function texts(engine: Engine, query: string): string[] {
  return engine.index.search(query).map((hit) => engine.text(hit.id));
}

describe("SearchIndex", () => {
  it("GIVEN no passages at all THEN an empty index that finds nothing, whatever is asked", () => {
    const index = SearchIndex.build([], () => []);
    expect(index.size).toBe(0);
    for (const query of ["visa", "vias", "vi", "said", "visa tariff"])
      expect(index.search(query)).toEqual([]);
  });

  it("GIVEN a word only in an article's title THEN its first sentence is found by it, not every sentence", async () => {
    const engine = await engineFor({
      title: "Harvest report",
      text: "Farmers gathered early this year. Prices held steady.\n\nRain came late in the season.",
    });
    expect(texts(engine, "harvest")).toEqual(["Farmers gathered early this year."]);
  });

  it("GIVEN words the corpus contains but never together THEN any-word results, not near-misses of those words", async () => {
    const engine = await engineFor({
      text: "The central bank raised rates on Monday.\n\nThe band played music all night.\n\nCritics praised the music.",
    });
    const found = texts(engine, "bank praised");
    expect(found).toContain("The central bank raised rates on Monday.");
    expect(found).toContain("Critics praised the music.");
    // "band" is one letter from "bank", but "bank" is a word of the corpus, not a typo.
    expect(found).not.toContain("The band played music all night.");
  });

  it("GIVEN a misspelling of a word the corpus contains THEN typo search still finds it", async () => {
    const engine = await engineFor({ text: "The ministry announced new tariffs on imports." });
    expect(texts(engine, "minstry tariffs")).toEqual(["The ministry announced new tariffs on imports."]);
  });

  it("GIVEN a built index and its snapshot THEN both know the same vocabulary", async () => {
    const engine = await engineFor({
      title: "Visa row",
      text: "Officials revoked the visa of the president.",
    });
    const { json, postings } = engineToSnapshot(engine, "k");
    const restored = engineFromSnapshot({ json: JSON.parse(JSON.stringify(json)), postings });
    for (const word of ["revoked", "visa", "president", "row"]) {
      const term = indexTerm(word) as string;
      expect(engine.index.has(term)).toBe(true);
      expect(restored.index.has(term)).toBe(true);
    }
    expect(engine.index.has("zebra")).toBe(false);
    expect(restored.index.has("zebra")).toBe(false);
  });
});

describe("SearchIndex.matchingAmong", () => {
  it("GIVEN any query and any set of passages THEN it finds exactly those of them an unlimited search finds", async () => {
    const engine = await seedEngine();
    const texts = engine.passages.all.map((p) => engine.text(p.id));
    const random = seededRandom(21);
    let found = 0;
    for (const { text } of drawQueries(texts, 21, 400)) {
      const ids = new Set(engine.passages.all.filter(() => random() < 0.3).map((p) => p.id));
      const unlimited = engine.index.search(text, { limit: Number.MAX_SAFE_INTEGER, unordered: true });
      const expected = new Set(unlimited.map((hit) => hit.id).filter((id) => ids.has(id)));
      const among = engine.index.matchingAmong(text, ids);
      found += among.size;
      expect([...among].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    }
    expect(found).toBeGreaterThan(200);
  });
});

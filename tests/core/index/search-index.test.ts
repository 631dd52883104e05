import { describe, expect, it } from "vitest";
import type { Engine } from "../../../src/core/engine.js";
import { SearchIndex } from "../../../src/core/index/search-index.js";
import { engineFromSnapshot, engineToSnapshot } from "../../../src/core/snapshot/serialize.js";
import { indexTerm } from "../../../src/core/text/terms.js";
import { engineFor } from "../../helpers/article-engine.js";

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

import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { packIndex, unpackIndex } from "../../../src/core/index/packed-index.js";
import { INDEX_OPTIONS } from "../../../src/core/index/search-index.js";
import { seedEngine } from "../../helpers/seed-engine.js";

const QUERIES = ["visa", "petro", "deportation flights", "tarif", "colombia president", "trump", "xyzzy"];
const OPTIONS = [{}, { prefix: true }, { fuzzy: 0.2 }, { combineWith: "AND" as const }];

describe("packed index", () => {
  it("GIVEN a packed and unpacked index THEN every search ranks exactly as MiniSearch's own JSON round trip", async () => {
    const original = (await seedEngine()).index.mini;
    const packed = JSON.parse(JSON.stringify(packIndex(original)));
    const unpacked = unpackIndex(packed, INDEX_OPTIONS);
    const reference = MiniSearch.loadJSON(JSON.stringify(original), INDEX_OPTIONS);
    expect(unpacked.documentCount).toBe(original.documentCount);
    expect(unpacked.termCount).toBe(original.termCount);
    for (const query of QUERIES) {
      for (const options of OPTIONS) {
        expect(unpacked.search(query, options)).toEqual(reference.search(query, options));
      }
    }
    // Same terms, postings and counts; only the radix tree's iteration order may differ.
    const normal = (mini: MiniSearch) => {
      const { index, ...rest } = mini.toJSON();
      return { ...rest, index: Object.fromEntries(index) };
    };
    expect(normal(unpacked)).toEqual(normal(original));
  });

  it("GIVEN postings cut short THEN unpacking throws instead of serving a partial index", async () => {
    const packed = packIndex((await seedEngine()).index.mini);
    const cut = { ...packed, postings: packed.postings.slice(0, packed.postings.length / 2) };
    expect(() => unpackIndex(cut, INDEX_OPTIONS)).toThrow(/inconsistent|truncated/u);
  });

  it("GIVEN data from another packing THEN it is refused", () => {
    expect(() => unpackIndex({ packing: "other" } as never, INDEX_OPTIONS)).toThrow(/not a packed index/u);
  });

  it("GIVEN something that is not a MiniSearch of the expected shape THEN packing throws", () => {
    expect(() => packIndex({} as never)).toThrow(/internals/u);
  });
});

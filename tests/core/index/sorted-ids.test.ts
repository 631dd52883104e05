import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortedHas } from "../../../src/core/index/sorted-ids.js";

describe("sortedHas", () => {
  it("says whether a sorted list of ids holds a value, as looking at every id does, for arrays and typed arrays", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(200), { maxLength: 40 }),
        fc.integer({ min: -5, max: 205 }),
        (ids, value) => {
          const sorted = [...ids].sort((a, b) => a - b);
          expect(sortedHas(sorted, value)).toBe(sorted.includes(value));
          expect(sortedHas(Uint32Array.from(sorted), value)).toBe(sorted.includes(value));
        },
      ),
      { numRuns: 2000, seed: 3 },
    );
  });
});

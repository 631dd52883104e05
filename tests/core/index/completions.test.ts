import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Completions } from "../../../src/core/index/completions.js";
import { foldAccents } from "../../../src/core/text/terms.js";

/** What complete must return, computed the slow, obvious way. */
function expected(counts: [string, number][], typed: string, limit: number): string[] {
  const query = foldAccents(typed.trim());
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .filter(([label]) => {
      const folded = foldAccents(label);
      return (
        query === "" ||
        folded.startsWith(query) ||
        folded.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(query))
      );
    })
    .slice(0, limit)
    .map(([label]) => label.slice(0, 100));
}

describe("completions", () => {
  it("suggest the most frequent labels one of whose words starts with what was typed", () => {
    const completions = Completions.fromCounts([
      ["Gustavo Petro", 22],
      ["petroleum", 40],
      ["Petrobras", 3],
      ["Marco Rubio", 1],
    ]);
    expect(completions.complete("petro", 25)).toEqual(["petroleum", "Gustavo Petro", "Petrobras"]);
    expect(completions.complete("gustavo pe", 25)).toEqual(["Gustavo Petro"]);
  });

  it("ignore accents", () => {
    const completions = Completions.fromCounts([["Miguel Díaz-Canel", 2]]);
    expect(completions.complete("diaz", 25)).toEqual(["Miguel Díaz-Canel"]);
    expect(completions.complete("CANEL", 25)).toEqual(["Miguel Díaz-Canel"]);
  });

  it("agree with the obvious computation, for short prefixes over many labels and long ones over few", () => {
    const many: [string, number][] = Array.from({ length: 5_000 }, (_, i) => [
      `word${i} extra${i % 7}`,
      i % 97,
    ]);
    const completions = Completions.fromCounts(many);
    fc.assert(
      fc.property(
        fc.constantFrom("w", "wo", "word1", "word12", "word123", "extra3", "e", "zzz", ""),
        fc.integer({ min: 1, max: 25 }),
        (typed, limit) => {
          expect(completions.complete(typed, limit)).toEqual(expected(many, typed, limit));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("completions restored with their word order", () => {
  it("GIVEN a snapshot's counts and word order THEN the same suggestions, and a wrong order is ignored", () => {
    const counts: [string, number][] = Array.from({ length: 300 }, (_, i) => [
      `Label ${i % 17} word${i}`,
      i % 11,
    ]);
    const original = Completions.fromCounts(counts);
    const restored = Completions.fromCounts(original.counts(), original.wordOrder());
    const scrambled = Completions.fromCounts(original.counts(), original.wordOrder().reverse());
    const broken = Completions.fromCounts(original.counts(), [1, 1, 2]);
    for (const typed of ["", "l", "label 3", "word1", "word29", "zzz"]) {
      expect(restored.complete(typed, 25)).toEqual(original.complete(typed, 25));
      expect(scrambled.complete(typed, 25)).toEqual(original.complete(typed, 25));
      expect(broken.complete(typed, 25)).toEqual(original.complete(typed, 25));
    }
  });
});

import { describe, expect, it } from "vitest";
import { compileLexicon, expandBraces } from "../../../../src/core/analyzers/causes/compile-lexicon.js";
import { CUE_LEXICON } from "../../../../src/core/analyzers/causes/cue-lexicon.js";
import { foldForMatching, originalOffset } from "../../../../src/core/analyzers/causes/fold-for-matching.js";

describe("expandBraces", () => {
  it("expands alternatives, nested braces and empty choices", () => {
    expect(expandBraces("prompt{s,ed,ing}")).toEqual(["prompts", "prompted", "prompting"]);
    expect(expandBraces("in {the ,}wake{ of,}|amid")).toEqual([
      "in the wake of",
      "in the wake",
      "in wake of",
      "in wake",
      "amid",
    ]);
    expect(expandBraces("a{b{c,d},e}")).toEqual(["abc", "abd", "ae"]);
  });

  it("rejects unbalanced braces", () => {
    expect(() => expandBraces("prompt{s,ed")).toThrow(/Unbalanced/);
  });
});

describe("CUE_LEXICON", () => {
  it("has unique keys, weights in (0, 1] and known roles", () => {
    const keys = CUE_LEXICON.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of CUE_LEXICON) {
      expect(entry.weight, entry.key).toBeGreaterThan(0);
      expect(entry.weight, entry.key).toBeLessThanOrEqual(1);
      expect(["cause-marker", "effect-marker", "reaction", "explanation"]).toContain(entry.role);
    }
  });

  it("writes phrases in lower case with single spaces and no regular-expression syntax", () => {
    for (const entry of CUE_LEXICON) {
      for (const phrase of expandBraces(entry.phrases)) {
        expect(phrase, entry.key).toMatch(/^[a-z'-]+(?: [a-z'-]+)*$/);
      }
    }
  });

  it("gives a phrase shared by several entries a context condition on all but the last", () => {
    const { byPhrase } = compileLexicon(CUE_LEXICON);
    for (const [phrase, owners] of byPhrase) {
      for (const owner of owners.slice(0, -1)) {
        const { entry } = owner;
        const conditional =
          entry.precededBy !== undefined ||
          entry.notPrecededBy !== undefined ||
          entry.followedBy !== undefined ||
          entry.notFollowedBy !== undefined;
        expect(conditional, `"${phrase}" in ${entry.key}`).toBe(true);
      }
    }
  });

  it("compiles to an expression that matches every phrase whole", () => {
    const { pattern, byPhrase } = compileLexicon(CUE_LEXICON);
    for (const phrase of byPhrase.keys()) {
      pattern.lastIndex = 0;
      expect(pattern.exec(` ${phrase} `)?.[0], phrase).toBe(phrase);
    }
  });
});

describe("foldForMatching", () => {
  it("returns ASCII text as is, without an offset table", () => {
    expect(foldForMatching("due to the storm")).toEqual({ text: "due to the storm", offsets: null });
  });

  it("folds accents and curly punctuation one for one", () => {
    expect(foldForMatching("Petro’s “visa” — Bogotá")).toEqual({
      text: 'Petro\'s "visa" - Bogota',
      offsets: null,
    });
  });

  it("maps offsets back when a combining mark is dropped", () => {
    const original = "cafe\u0301 because";
    const folded = foldForMatching(original);
    expect(folded.text).toBe("cafe because");
    const start = folded.text.indexOf("because");
    expect(original.slice(originalOffset(folded, start), originalOffset(folded, start + 7))).toBe("because");
  });
});

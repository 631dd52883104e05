import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldAccents, foldedWords, indexTerm, tokenize } from "../../../src/core/text/terms.js";

describe("index terms", () => {
  it("ignore accents and case, so Díaz-Canel and diaz canel meet", () => {
    const terms = (text: string) => tokenize(text).map(indexTerm).filter(Boolean);
    expect(terms("Díaz-Canel")).toEqual(terms("diaz canel"));
  });

  it("keep initialisms whole: U.S. is one word", () => {
    expect(tokenize("The U.S. economy").map(indexTerm)).toEqual([null, "us", "economi"]);
  });

  it("drop stop words and stem the rest", () => {
    expect(indexTerm("the")).toBeNull();
    expect(indexTerm("tariffs")).toBe(indexTerm("tariff"));
  });

  it("fold accents", () => {
    expect(foldAccents("Bogotá ÉLAN")).toBe("bogota elan");
  });
});

describe("the fast paths of folding and splitting", () => {
  const slowFold = (text: string) =>
    text
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase();
  const slowWords = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const texts = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."aZ9 .-'(_)~\t\n\u0000é😀\u0301") }),
    fc.string({ unit: "grapheme-ascii" }),
    fc.string({ unit: "binary" }),
  );

  it("GIVEN any text THEN foldAccents and foldedWords give what the Unicode-aware forms give", () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(foldAccents(text)).toBe(slowFold(text));
        expect(foldedWords(text)).toEqual(slowWords(text));
        expect(foldedWords(foldAccents(text))).toEqual(slowWords(slowFold(text)));
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  firstTermBefore,
  foldAccents,
  foldedWords,
  indexTerm,
  termSpans,
  tokenize,
  tokenSpans,
} from "../../../src/core/text/terms.js";
import { seedEngine } from "../../helpers/seed-engine.js";

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

describe("firstTermBefore", () => {
  it("finds where the first word with one of the terms starts, as reading every word does", () => {
    const vocabulary = [
      "The",
      "Exchange",
      "commission's",
      "U.S.",
      "said",
      "Zürich",
      "2.5",
      "é",
      "of",
      "banks",
    ];
    const terms = vocabulary.map(indexTerm).filter((t): t is string => t !== null);
    const text = fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(" ", ", ", "-", ". ")), {
      maxLength: 12,
    });
    let found = 0;
    fc.assert(
      fc.property(text, fc.subarray(terms), fc.nat(80), (parts, wantedTerms, before) => {
        const sentence = parts.map(([w, s]) => w + s).join("");
        const wanted = new Set(wantedTerms);
        const first = tokenSpans(sentence).find((span) => wanted.has(indexTerm(span.word) ?? ""))?.start;
        const expected = first !== undefined && first < before ? first : undefined;
        if (expected !== undefined) found++;
        expect(firstTermBefore(sentence, wantedTerms, before)).toBe(expected);
      }),
      { numRuns: 3000, seed: 14 },
    );
    expect(found).toBeGreaterThan(1000);
  });
});

describe("termSpans", () => {
  const everyWord = (text: string, terms: readonly string[]) => {
    const wanted = new Set(terms);
    return tokenSpans(text)
      .filter((span) => wanted.has(indexTerm(span.word) ?? ""))
      .map(({ start, end }) => ({ start, end }));
  };

  it("marks the words holding the terms exactly as reading every word does, on every sentence of the seed corpus", async () => {
    const engine = await seedEngine();
    let marked = 0;
    for (const passage of engine.passages.all) {
      const text = engine.text(passage.id);
      const terms = tokenSpans(text)
        .map((span) => indexTerm(span.word))
        .filter((t): t is string => t !== null);
      // Every other term of the sentence, so some of its words are wanted and some are not.
      const wanted = terms.filter((_, i) => i % 2 === 0);
      const spans = termSpans(text, wanted);
      marked += spans.length;
      expect(spans).toEqual(everyWord(text, wanted));
    }
    expect(marked).toBeGreaterThan(300);
  });

  it("agrees with reading every word on any text: accents, capitals, digits, initialisms, dots and apostrophes", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9ÉéÜüÇçıİ.'’-]{1,9}$/u);
    let marked = 0;
    fc.assert(
      fc.property(fc.array(word, { maxLength: 14 }), fc.array(word, { maxLength: 6 }), (words, picked) => {
        const text = words.join(" ");
        const terms = [...picked, ...words.filter((_, i) => i % 3 === 0)]
          .map(indexTerm)
          .filter((t): t is string => t !== null);
        const spans = termSpans(text, terms);
        marked += spans.length;
        expect(spans).toEqual(everyWord(text, terms));
      }),
      { numRuns: 5000, seed: 15 },
    );
    expect(marked).toBeGreaterThan(2000);
  });
});

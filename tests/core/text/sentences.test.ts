import { describe, expect, it } from "vitest";
import { splitSentences } from "../../../src/core/text/sentences.js";

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("does not break after titles such as Mr. and Dr.", () => {
    expect(sentencesOf("Mr. Smith met Dr. Jones. They talked.")).toEqual([
      "Mr. Smith met Dr. Jones.",
      "They talked.",
    ]);
  });

  it("keeps an initialism before a name inside its sentence", () => {
    expect(sentencesOf("He met U.S. Secretary of State Marco Rubio. Talks failed.")).toEqual([
      "He met U.S. Secretary of State Marco Rubio.",
      "Talks failed.",
    ]);
  });

  it("ends a sentence at an initialism when a new sentence clearly starts", () => {
    expect(sentencesOf("Aid was cut by the U.S. The talks collapsed.")).toEqual([
      "Aid was cut by the U.S.",
      "The talks collapsed.",
    ]);
  });

  it("keeps a closing curly quote with the sentence it closes", () => {
    expect(sentencesOf("She said, “We will return.” Then she left.")).toEqual([
      "She said, “We will return.”",
      "Then she left.",
    ]);
  });

  it("does not split a quoted exclamation from its attribution", () => {
    expect(sentencesOf("“Never!” he shouted. The room fell silent.")).toEqual([
      "“Never!” he shouted.",
      "The room fell silent.",
    ]);
  });

  it("returns offsets without surrounding white space", () => {
    const text = "  One.   Two.  ";
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 6 },
      { start: 9, end: 13 },
    ]);
  });

  it("splits a paragraph of thousands of sentences as it splits each one, also where the text is read in windows", () => {
    const sentences = [
      "Mr. Smith met the U.S. envoy in Geneva.",
      "“We will return,” she said.",
      "Talks resumed on Monday after a pause of three weeks.",
      "Prices rose by 3.5 per cent.",
    ];
    const many = Array.from({ length: 3000 }, (_, i) => sentences[i % sentences.length] as string);
    expect(sentencesOf(many.join(" "))).toEqual(many);
  });

  it("splits 20,000 sentences in one paragraph in linear time (the segmenter alone is quadratic: ~45 s)", () => {
    const text = "Dock workers said the strike would end soon. ".repeat(20_000);
    const started = performance.now();
    expect(splitSentences(text)).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("cuts a window without white space between the halves of a surrogate pair, never inside it", () => {
    const text = "😀".repeat(5000);
    expect(sentencesOf(text).join("")).toBe(text);
  });
});

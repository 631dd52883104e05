import { describe, expect, it } from "vitest";
import { engineFor } from "../../../helpers/article-engine.js";

/** The quotes of an article as `speaker: quote` lines, unattributed ones as `?: quote`. */
async function quotesOf(text: string): Promise<string[]> {
  const engine = await engineFor({ text });
  return engine.quotes.map((q) => `${q.speaker ?? "?"}: ${q.quote}`);
}

describe("quote attribution", () => {
  it("takes the speaker after the quote: “…,” X said", async () => {
    expect(await quotesOf("Mayor Ana Ruiz opened the park. “It is a great day,” Ruiz said.")).toEqual([
      "Ana Ruiz: It is a great day,",
    ]);
  });

  it("takes the speaker after an inverted verb: “…,” said X", async () => {
    expect(await quotesOf("“We are ready,” said Coach Tom Berg before the match.")).toEqual([
      "Tom Berg: We are ready,",
    ]);
  });

  it("takes the subject of a participle before the quote, not the person addressed", async () => {
    const text =
      "Governor Lena Marsh wrote to Senator Paul Okafor, declaring, “The state will not pay for this.”";
    expect(await quotesOf(text)).toEqual(["Lena Marsh: The state will not pay for this."]);
  });

  it("resolves a pronoun subject to the person named in the sentence before", async () => {
    const text =
      "President Ivo Stan addressed parliament. He attacked the opposition, stating, “They have failed the country.”";
    expect(await quotesOf(text)).toEqual(["Ivo Stan: They have failed the country."]);
  });

  it("resolves “what he called” to the subject of the sentence", async () => {
    const text = "Chancellor Otto Brandt criticised Italy’s leader for what he called “reckless spending.”";
    expect(await quotesOf(text)).toEqual(["Otto Brandt: reckless spending."]);
  });

  it("resolves “who advised” to the name before it", async () => {
    const text =
      "Unlike Minister Sara Holm, who urged a “calm approach” with the unions, the cabinet pushed ahead.";
    expect(await quotesOf(text)).toEqual(["Sara Holm: calm approach"]);
  });

  it("attributes a quote after a possessive speech noun and a colon", async () => {
    expect(await quotesOf("Senator Jo Park rose. Park’s message was blunt: “Vote no.”")).toEqual([
      "Jo Park: Vote no.",
    ]);
  });

  it("keeps an unnamed speaker as described", async () => {
    expect(await quotesOf("“We will respond,” an official warned.")).toEqual([
      "an official: We will respond,",
    ]);
  });

  it("leaves a scare quote with no reporting verb unattributed, even beside a name", async () => {
    expect(await quotesOf("Supporters of Mayor Ana Ruiz praised her “courage.”")).toEqual(["?: courage."]);
  });

  it("handles straight quotation marks", async () => {
    expect(await quotesOf('"Prices will rise," said Analyst Kim Lee.')).toEqual([
      "Kim Lee: Prices will rise,",
    ]);
  });

  it("follows a quote that spans sentences to its speaker", async () => {
    const text = "“Prices will rise. Wages will not,” Economist Dana Fox said.";
    const engine = await engineFor({ text });
    const [quote] = engine.quotes;
    expect(quote?.speaker).toBe("Dana Fox");
    expect(quote?.quote).toBe("Prices will rise. Wages will not,");
    expect(quote?.lastPassageId).toBeGreaterThan(quote?.passageId ?? Number.POSITIVE_INFINITY);
  });

  it("marks a few quoted words inside a sentence as a partial quote", async () => {
    const engine = await engineFor({
      text: "Senator Jo Park called the plan “reckless” and added, “We will stop it in committee.”",
    });
    expect(engine.quotes.map((q) => [q.quote, q.partial, q.speaker])).toEqual([
      ["reckless", true, "Jo Park"],
      ["We will stop it in committee.", false, "Jo Park"],
    ]);
  });
});

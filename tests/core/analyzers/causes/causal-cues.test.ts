import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CAUSAL_THRESHOLD,
  causalSignal,
  isCausal,
} from "../../../../src/core/analyzers/causes/causal-cues.js";

const VISA_REASON =
  "The U.S. revoked Colombian President Gustavo Petro’s visa after he called for U.S. military disobedience at a pro-Palestinian rally.";
const VISA_FACT =
  "This is the first time a U.S. visa has been yanked from a sitting Colombian head of state.";
const TARIFF_RETALIATION =
  "Economic pressure retaliation followed, with the US imposing a 25% tariff on Colombian exports.";
const TARIFF_THREATS =
  "Earlier in 2025, he halted deportation flights from the U.S., prompting tariff threats.";
const REVERSAL =
  "Fearing economic repercussions and a loss of US support, Petro quickly reversed course, ending hopes that he would spearhead an anti-Trump coalition in Latin America.";

function keys(sentence: string): string[] {
  return causalSignal(sentence).matches.map((cue) => cue.key);
}

describe("causalSignal on the /why examples", () => {
  it("finds the reason the visa was revoked, and nothing in a sentence that merely mentions the visa", () => {
    const reason = causalSignal(VISA_REASON);
    expect(reason.cues).toEqual(["after"]);
    expect(isCausal(reason)).toBe(true);
    expect(causalSignal(VISA_FACT)).toEqual({ score: 0, cues: [], matches: [] });
  });

  it("finds the tariff retaliation and the threats prompted by the halted flights", () => {
    const threats = causalSignal(TARIFF_THREATS);
    expect(threats.cues).toEqual(["prompting"]);
    expect(threats.matches[0]?.role).toBe("effect-marker");
    expect(threats.score).toBeGreaterThanOrEqual(CAUSAL_THRESHOLD);

    const retaliation = causalSignal(TARIFF_RETALIATION);
    expect(retaliation.cues).toEqual(["retaliation"]);
    expect(retaliation.matches[0]?.role).toBe("reaction");
  });

  it("reports cues as written, with offsets into the sentence", () => {
    const signal = causalSignal(REVERSAL);
    expect(signal.cues).toEqual(["Fearing", "repercussions"]);
    for (const cue of signal.matches) expect(REVERSAL.slice(cue.start, cue.end)).toBe(cue.text);
    expect(signal.matches[0]?.start).toBe(0);
  });
});

describe("causalSignal cue matching", () => {
  it("is case-insensitive", () => {
    expect(causalSignal("FLIGHTS WERE CANCELLED DUE TO THE STORM.").cues).toEqual(["DUE TO"]);
  });

  it("ignores accents and keeps offsets right when folding changes lengths", () => {
    const composed = "Prices rose, causéd by the frost.";
    expect(causalSignal(composed).cues).toEqual(["causéd by"]);

    const decomposed = "Cafe\u0301 prices rose because of the frost in Minas Gerais.";
    const [cue] = causalSignal(decomposed).matches;
    expect(cue?.text).toBe("because of");
    expect(decomposed.slice(cue?.start, cue?.end)).toBe("because of");
  });

  it("reads curly apostrophes like straight ones", () => {
    expect(causalSignal("The airlines weren’t forced to land.").cues).toEqual([]);
    expect(causalSignal("The airlines weren't forced to land.").cues).toEqual([]);
    expect(causalSignal("The storm forced the airlines to land.").cues).toEqual(["forced"]);
  });

  it("matches whole words only", () => {
    expect(
      causalSignal("Thereafter the causeway was sincerely overhauled, and the forces withdrew afterwards.")
        .cues,
    ).toEqual([]);
  });

  it("tolerates line breaks and double spaces inside a cue", () => {
    expect(causalSignal("Shares fell  as a\nresult of the strike.").cues).toEqual(["as a\nresult of"]);
  });

  it("prefers the longer phrase: a passive verb names the cause after it", () => {
    const [cue] = causalSignal("The fire was caused by faulty wiring.").matches;
    expect(cue).toMatchObject({ text: "caused by", role: "cause-marker" });
    const [active] = causalSignal("Faulty wiring caused the fire.").matches;
    expect(active).toMatchObject({ text: "caused", role: "effect-marker" });
  });

  it("tells 'as a result of' (a cause follows) from 'as a result,' (an effect follows)", () => {
    expect(causalSignal("Flights stopped as a result of the strike.").matches[0]?.role).toBe("cause-marker");
    expect(causalSignal("As a result, flights stopped.").matches[0]?.role).toBe("effect-marker");
  });

  it("skips the temporal and scheduling senses of ambiguous cues", () => {
    for (const sentence of [
      "The minister is due to arrive on Monday.",
      "Prices have doubled since 1985.",
      "Sales grew over the past year.",
      "The following day, talks resumed.",
      "Profit after tax rose 4 pct.",
      "Retail sales rose 1.4 pct after a 1.6 pct rise in January.",
      "The bank has grown ever since.",
      "He fled after setting the office on fire.",
      "Nobody was hurt in the blast.",
    ]) {
      expect(causalSignal(sentence).cues, sentence).toEqual([]);
    }
  });

  it("keeps the causal senses of the same cues", () => {
    expect(keys("Flights were cancelled due to the storm.")).toEqual(["due to"]);
    expect(keys("Curfew was imposed following the riots.")).toEqual(["following"]);
    expect(keys("Workers protested over the pay cut.")).toEqual(["<grievance> over"]);
    expect(keys("Four students were injured when police fired rubber bullets.")).toEqual(["<harm> when"]);
    expect(keys("Three people were killed in the explosion.")).toEqual(["killed in <event>"]);
  });

  it("extends a verb cue over its 'for' clause", () => {
    expect(causalSignal("Three men were arrested on Tuesday for the attack.").cues).toEqual([
      "arrested on Tuesday for",
    ]);
    expect(causalSignal("Three men were arrested on Tuesday.").cues).toEqual([]);
  });

  it("needs a protest noun before 'against' and a grievance before a strong 'over'", () => {
    expect(keys("Residents marched in protest against the closure.")).toEqual(["in protest / to protest"]);
    expect(keys("Students held protests against the fee rise.")).toEqual(["protest against"]);
    expect(causalSignal("The dollar fell against the yen.").cues).toEqual([]);
    expect(causalSignal("The figure was 256,500 at end-March against 256,100 a month earlier.").cues).toEqual(
      [],
    );
  });
});

describe("causalSignal scoring", () => {
  it("lets a strong cue alone reach the threshold, but not a weak one", () => {
    expect(causalSignal("The match was called off because of rain.").score).toBeGreaterThanOrEqual(
      CAUSAL_THRESHOLD,
    );
    expect(causalSignal("Stocks drifted amid thin trading.").score).toBeLessThan(CAUSAL_THRESHOLD);
  });

  it("adds up distinct cues and never exceeds 1", () => {
    const amid = causalSignal("Stocks drifted amid thin trading.").score;
    const both = causalSignal("Stocks drifted amid thin trading, prompting a sell-off.").score;
    const prompting = causalSignal("Stocks drifted, prompting a sell-off.").score;
    expect(both).toBeGreaterThan(Math.max(amid, prompting));
    expect(both).toBeLessThanOrEqual(1);
  });

  it("counts a repeated cue once", () => {
    const once = causalSignal("Talks collapsed after the vote.").score;
    const twice = causalSignal("Talks collapsed after the vote, and again after the walkout.");
    expect(twice.cues).toEqual(["after", "after"]);
    expect(twice.score).toBe(once);
  });

  it("always returns a score in [0, 1] and cues that are slices of the sentence", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (sentence) => {
        const signal = causalSignal(sentence);
        expect(signal.score).toBeGreaterThanOrEqual(0);
        expect(signal.score).toBeLessThanOrEqual(1);
        expect(signal.cues).toEqual(signal.matches.map((cue) => cue.text));
        for (const cue of signal.matches) expect(sentence.slice(cue.start, cue.end)).toBe(cue.text);
      }),
    );
  });

  it("keeps offsets right in text mixing cues with accents and curly quotes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("because of", "prompting", "Día", "“", "’", "e\u0301", "ﬁ", " ", ", "), {
          maxLength: 12,
        }),
        (pieces) => {
          const sentence = pieces.join(" ");
          for (const cue of causalSignal(sentence).matches)
            expect(sentence.slice(cue.start, cue.end)).toBe(cue.text);
        },
      ),
    );
  });
});

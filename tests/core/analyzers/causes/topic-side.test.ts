import { describe, expect, it } from "vitest";
import { causalSignal } from "../../../../src/core/analyzers/causes/causal-cues.js";
import {
  MAX_EFFECT_SIDE_BOOST,
  type TextRange,
  topicCausalSide,
  topicIsEffect,
} from "../../../../src/core/analyzers/causes/topic-side.js";

// The offsets of each word of `topic` in `sentence` (first occurrence).
function at(sentence: string, topic: string): TextRange[] {
  return topic.split(" ").map((word) => {
    const start = sentence.indexOf(word);
    if (start === -1) throw new Error(`"${word}" is not in "${sentence}"`);
    return { start, end: start + word.length };
  });
}

const VISA_REASON =
  "The U.S. revoked Colombian President Gustavo Petro’s visa after he called for U.S. military disobedience at a pro-Palestinian rally.";

describe("topicCausalSide", () => {
  it("puts the visa on the effect side of 'after', and the rally on the cause side", () => {
    const visa = topicCausalSide(VISA_REASON, at(VISA_REASON, "visa"));
    expect(visa.side).toBe("effect");
    expect(visa.cue?.text).toBe("after");
    expect(visa.boost).toBeGreaterThan(0);
    expect(visa.boost).toBeLessThanOrEqual(MAX_EFFECT_SIDE_BOOST);

    const rally = topicCausalSide(VISA_REASON, at(VISA_REASON, "rally"));
    expect(rally).toMatchObject({ side: "cause", boost: 0 });
  });

  it("puts what follows 'prompting' on the effect side and what precedes it on the cause side", () => {
    const sentence =
      "Earlier in 2025, he halted deportation flights from the U.S., prompting tariff threats.";
    expect(topicCausalSide(sentence, at(sentence, "tariff")).side).toBe("effect");
    expect(topicCausalSide(sentence, at(sentence, "deportation flights")).side).toBe("cause");
  });

  it("reads a fronted cause clause up to its comma", () => {
    const sentence = "After he called for military disobedience, the U.S. revoked his visa.";
    expect(topicIsEffect(sentence, at(sentence, "visa"))).toBe(true);
    expect(topicCausalSide(sentence, at(sentence, "disobedience")).side).toBe("cause");

    const fearing =
      "Fearing economic repercussions and a loss of US support, Petro quickly reversed course on the tariffs.";
    expect(topicCausalSide(fearing, at(fearing, "tariffs")).side).toBe("effect");
    expect(topicCausalSide(fearing, at(fearing, "support")).side).toBe("cause");
  });

  it("reads a cause clause set off by commas inside the effect", () => {
    const sentence =
      "Petro’s visa, after he called for disobedience at a rally, was revoked by the State Department.";
    expect(topicCausalSide(sentence, at(sentence, "visa")).side).toBe("effect");
    expect(topicCausalSide(sentence, at(sentence, "State Department")).side).toBe("effect");
    expect(topicCausalSide(sentence, at(sentence, "rally")).side).toBe("cause");
  });

  it("treats a sentence reporting retaliation as an effect, with half the boost", () => {
    const sentence =
      "Economic pressure retaliation followed, with the US imposing a 25% tariff on Colombian exports.";
    const result = topicCausalSide(sentence, at(sentence, "tariff"));
    expect(result.side).toBe("effect");
    expect(result.cue?.role).toBe("reaction");
    expect(result.boost).toBeCloseTo((MAX_EFFECT_SIDE_BOOST / 2) * (result.cue?.weight ?? 0));
  });

  it("prefers a marker that places the topic over a reaction noun", () => {
    const sentence = "The backlash grew after the tariff was imposed.";
    const result = topicCausalSide(sentence, at(sentence, "backlash"));
    expect(result.cue?.text).toBe("after");
    expect(result.side).toBe("effect");
  });

  it("uses a signal passed in instead of computing it again", () => {
    const signal = causalSignal(VISA_REASON);
    expect(topicCausalSide(VISA_REASON, at(VISA_REASON, "visa"), signal)).toEqual(
      topicCausalSide(VISA_REASON, at(VISA_REASON, "visa")),
    );
  });

  it("places nothing without a positional cue or without a topic", () => {
    const plain =
      "This is the first time a U.S. visa has been yanked from a sitting Colombian head of state.";
    expect(topicCausalSide(plain, at(plain, "visa"))).toEqual({ side: "none", cue: null, boost: 0 });
    const explained = "Officials gave no reasons for the visa decision.";
    expect(topicCausalSide(explained, [])).toEqual({ side: "none", cue: null, boost: 0 });
    const blame = "Officials blame the visa office.";
    expect(topicCausalSide(blame, at(blame, "visa")).side).toBe("none");
  });

  it("ignores a topic word that is the cue itself", () => {
    const sentence = "The retaliation came quickly.";
    const result = topicCausalSide(sentence, at(sentence, "retaliation"));
    // Only a reaction noun: the sentence still reports an effect.
    expect(result.side).toBe("effect");
    const marker = "Prices rose after the frost.";
    expect(topicCausalSide(marker, at(marker, "after")).side).toBe("none");
  });

  it("keeps to the clause of the cue", () => {
    const sentence = "The visa was revoked; flights resumed after the talks.";
    expect(topicCausalSide(sentence, at(sentence, "visa")).side).toBe("none");
    expect(topicCausalSide(sentence, at(sentence, "flights")).side).toBe("effect");
  });
});

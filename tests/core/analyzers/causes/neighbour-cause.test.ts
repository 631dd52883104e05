import { describe, expect, it } from "vitest";
import { causeInNext, causeInPrevious } from "../../../../src/core/analyzers/causes/neighbour-cause.js";

describe("causeInNext", () => {
  it("finds a cause tied to the sentence before by an anaphor and a causal predicate", () => {
    expect(causeInNext("Her decision came in response to a wave of strikes.")).toMatchObject({
      direction: "next",
      link: "anaphor",
      text: "Her decision came in response to",
    });
    expect(causeInNext("The move followed weeks of protests.")?.text).toBe("The move followed");
    expect(causeInNext("That was because the budget had run out.")).toBeDefined();
    expect(causeInNext("The ban was prompted by two fatal crashes.")).toBeDefined();
  });

  it("ignores a next sentence that only goes on with the story", () => {
    expect(causeInNext("The decision was announced on Friday.")).toBeUndefined();
    expect(causeInNext("Farmers came in response to the call.")).toBeUndefined();
    expect(causeInNext("His speech lasted an hour.")).toBeUndefined();
  });

  it("does not take a figure's reckoning for a cause ('This is after accounting for…')", () => {
    expect(causeInNext("This is after accounting for losses in transport.")).toBeUndefined();
    expect(causeInNext("That was after tax and minority interests.")).toBeUndefined();
    expect(causeInNext("The move came after weeks of protests.")).toBeDefined();
  });
});

describe("causeInPrevious", () => {
  it("finds an effect pointing back at the sentence before", () => {
    expect(causeInPrevious("As a result, the port closed for a week.")?.text).toBe("As a result,");
    expect(causeInPrevious("In retaliation, the government expelled two envoys.")).toBeDefined();
    expect(causeInPrevious("Swift retaliation followed, with new duties on steel.")).toBeDefined();
  });

  it("ignores openings that are not result connectives", () => {
    expect(causeInPrevious("So far, no one has been charged.")).toBeUndefined();
    expect(causeInPrevious("In response to the vote, he resigned.")).toBeUndefined();
  });
});

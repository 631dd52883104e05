import { describe, expect, it } from "vitest";
import { tenseAt } from "../../../../src/core/analyzers/dates/tense.js";

function tenseOf(sentence: string, expression: string) {
  const start = sentence.indexOf(expression);
  return tenseAt(sentence, start, start + expression.length);
}

describe("tenseAt", () => {
  it("reads the past from the nearest verb, even across a comma", () => {
    expect(tenseOf("By Friday, the council approved the budget.", "Friday")).toBe("past");
  });

  it("reads the future from an auxiliary in the clause", () => {
    expect(tenseOf("The bridge will reopen in March.", "March")).toBe("future");
  });

  it("lets a participle after 'will be' stay future", () => {
    expect(tenseOf("The results will be published in April.", "April")).toBe("future");
  });

  it("prefers the marker closest to the date", () => {
    const sentence = "The mayor said in June that the depot will close.";
    expect(tenseOf(sentence, "June")).toBe("past");
  });

  it("says unknown when no verb gives the tense", () => {
    expect(tenseOf("Opening hours from Monday: nine to five.", "Monday")).toBe("unknown");
  });
});

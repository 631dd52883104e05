import { describe, expect, it } from "vitest";
import { statementKind } from "../../../../src/core/analyzers/timeline/statement-kind.js";

describe("statementKind", () => {
  it("reads a past event, and a report of the future as the past saying of it", () => {
    expect(statementKind("The mayor closed the bridge to lorries.")).toBe("past");
    expect(statementKind("She announced that the plant would reopen next year.")).toBe("past");
    expect(statementKind("The minister said the tax will rise.")).toBe("past");
  });

  it("reads the present perfect and progressive as current at publication", () => {
    expect(statementKind("The carrier has cancelled forty flights.")).toBe("current");
    expect(statementKind("Rescuers are searching the valley.")).toBe("current");
  });

  it("keeps background out: the future, the hypothetical, definitions, opinions, questions, quotes", () => {
    expect(statementKind("The council will vote on the plan.")).toBe("background");
    expect(statementKind("The merger could cost thousands of jobs.")).toBe("background");
    expect(statementKind("The valley is a major wine region.")).toBe("background");
    expect(statementKind("I think the deal is fair.")).toBe("background");
    expect(statementKind("Was the vote rigged?")).toBe("background");
    expect(statementKind("“We will never give in to blackmail,” she said.")).toBe("background");
  });
});

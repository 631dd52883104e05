import { describe, expect, it } from "vitest";
import { read } from "./read-dates.js";

// 1999-03-15 is a Monday: the Thursday gone is the 11th, the coming one the 18th.
const MONDAY = "1999-03-15";

describe("a weekday given as a deadline", () => {
  it("is the coming one when the sentence gives time to do something", () => {
    expect(read("The court has until Thursday to rule.", MONDAY)).toEqual(["until Thursday → 1999-03-18"]);
    expect(read("The army gave the rebels until Thursday to surrender.", MONDAY)).toEqual([
      "until Thursday → 1999-03-18",
    ]);
  });

  it("is the coming one after a deadline extended or a vote put off, whatever the verb's tense", () => {
    expect(read("The agency extended its deadline until 9 a.m. EST Thursday.", MONDAY)).toEqual([
      "Thursday → 1999-03-18",
    ]);
    expect(read("The vote was postponed until Thursday.", MONDAY)).toEqual(["until Thursday → 1999-03-18"]);
    expect(read("The judge adjourned the trial to Thursday.", MONDAY)).toEqual(["Thursday → 1999-03-18"]);
  });

  it("is the publication day itself when it names that weekday", () => {
    expect(read("The ultimatum runs until midnight Monday.", MONDAY)).toEqual(["Monday → 1999-03-15"]);
  });

  it("leaves an end already reached, and a past perfect, in the past", () => {
    expect(read("The strike lasted until Thursday.", MONDAY)).toEqual(["until Thursday → 1999-03-11"]);
    expect(read("Until Thursday, police had not named a suspect.", MONDAY)).toEqual([
      "Until Thursday → 1999-03-11",
    ]);
    expect(read("Shares rose by Thursday to record highs.", MONDAY)).toEqual(["by Thursday → 1999-03-11"]);
  });
});

import { describe, expect, it } from "vitest";
import { read } from "./read-dates.js";

// 2011-10-20: the second half of 2011 has begun.
const OCTOBER = "2011-10-20";

describe("half-years", () => {
  it("reads a half with its year, or a year named relative to publication", () => {
    expect(read("Exports fell in the second half of 2009.", OCTOBER)).toEqual([
      "in the second half of 2009 → 2009",
    ]);
    expect(read("Sales will rise in the first half of next year.", OCTOBER)).toEqual([
      "in the first half of next year → 2012",
    ]);
  });

  it("takes the latest half begun by publication when the text gives no year", () => {
    expect(read("Net profit fell in the first half.", OCTOBER)).toEqual(["in the first half → 2011"]);
    expect(read("Net profit fell in the second half.", "2011-03-02")).toEqual(["in the second half → 2010"]);
    expect(read("Net profit will rise in the second half.", "2011-03-02")).toEqual([
      "in the second half → 2011",
    ]);
  });

  it("reads 'first-half' before a period noun", () => {
    expect(read("First-half results disappointed.", OCTOBER)).toEqual(["First-half → 2011"]);
  });

  it("leaves a half of something else alone", () => {
    expect(read("The visitors scored twice in the first half.", OCTOBER)).toEqual([]);
    expect(read("The fund sold the first half of its shares.", OCTOBER)).toEqual([]);
  });
});

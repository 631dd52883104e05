import { describe, expect, it } from "vitest";
import { read } from "./read-dates.js";

describe("seasons", () => {
  it("dates a season of a written year by that year", () => {
    expect(read("The drought of the summer of 2003 ruined the harvest.", "2010-05-01")).toEqual([
      "the summer of 2003 → 2003",
    ]);
  });

  it("reads 'over the summer' as the latest summer begun, or the next in the future tense", () => {
    expect(read("Over the summer, the club sold its stadium.", "2021-10-02")).toEqual(["the summer → 2021"]);
    expect(read("Over the summer, the club sold its stadium.", "2021-03-02")).toEqual(["the summer → 2020"]);
    expect(read("The club will move during the summer.", "2021-03-02")).toEqual(["during the summer → 2021"]);
  });

  it("ignores a summer school or a winter alone", () => {
    expect(read("She taught in the summer school.", "2021-10-02")).toEqual([]);
    expect(read("In the winter, roads close.", "2021-10-02")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { read } from "./read-dates.js";

// 1989-10-30 is a Monday.
const MONDAY = "1989-10-30";

describe("what something has lasted since", () => {
  it("began by publication, even with no past verb to say so", () => {
    expect(read("The town has been quiet since Tuesday.", MONDAY)).toEqual(["since Tuesday → 1989-10-24"]);
    expect(read("Unemployment is up since November.", MONDAY)).toEqual(["since November → 1988-11"]);
    expect(read("He has been in hospital since December 3.", MONDAY)).toEqual([
      "since December 3 → 1988-12-03",
    ]);
  });

  it("may be the publication day or month itself", () => {
    expect(read("The bridge has been shut since Monday.", MONDAY)).toEqual(["since Monday → 1989-10-30"]);
    expect(read("Shares have doubled since October.", MONDAY)).toEqual(["since October → 1989-10"]);
  });

  it("keeps a year the text writes", () => {
    expect(read("Prices have risen since December 1987.", MONDAY)).toEqual(["since December 1987 → 1987-12"]);
  });
});

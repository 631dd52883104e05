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

describe("quarters with a possessive year", () => {
  it("reads '1988's fourth quarter' as 1988's", () => {
    expect(read("In 1988's fourth quarter, the loss widened.", "1989-10-26")).toEqual([
      "In 1988's fourth quarter → 1988",
    ]);
  });
});

describe("'the year' of a report", () => {
  it("reads it as the year the story is in", () => {
    expect(read("Shares hit a high for the year of $42.", "1989-10-30")).toEqual(["the year → 1989"]);
    expect(read("In 1987, sales fell. Earlier in the year, prices rose.", "1989-10-30")).toEqual([
      "In 1987 → 1987",
      "Earlier in the year → 1987",
    ]);
  });

  it("leaves 'the year' counted from something else, or of something else", () => {
    expect(read("He was named player of the year.", "1989-10-30")).toEqual([]);
    expect(read("Sales fell in the year before the merger.", "1989-10-30")).toEqual([]);
  });
});

describe("'the quarter to …'", () => {
  it("reads the report's quarter before an amount, not a quarter ending in a month", () => {
    expect(read("Revenue rose 3.7% in the quarter to $2.35 billion.", "1989-10-30")).toEqual([
      "in the quarter → 1989",
    ]);
    expect(read("Profit in the quarter to June rose.", "1989-10-30")).toEqual(["June → 1989-06"]);
  });
});

describe("the day, week or month the story is in", () => {
  it("reads 'later in the day' as the day the story is at, or the publication day", () => {
    expect(read("He reached the border later in the day.", "1998-02-13")).toEqual([
      "later in the day → 1998-02-13",
    ]);
    expect(read("On Feb. 3, he landed. Later in the day, he spoke.", "1998-02-13")).toEqual([
      "On Feb. 3 → 1998-02-03",
      "Later in the day → 1998-02-03",
    ]);
  });

  it("gives no day when the story is only at a year", () => {
    expect(read("In 1987, sales fell. Later in the day, prices rose.", "1998-02-13")).toEqual([
      "In 1987 → 1987",
    ]);
  });
});

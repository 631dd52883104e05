import { describe, expect, it } from "vitest";
import { read } from "./read-dates.js";

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

describe("'the month of February'", () => {
  it("is February, not the month of publication", () => {
    expect(read("For the month of February, car sales rose.", "1987-03-04")).toEqual(["February → 1987-02"]);
  });
});

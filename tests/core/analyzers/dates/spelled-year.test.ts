import { describe, expect, it } from "vitest";
import { read } from "./read-dates.js";

describe("years spelled out (broadcast transcripts)", () => {
  it("reads 'nineteen seventy-nine' and 'the year two thousand'", () => {
    expect(read("Troops crossed the border in nineteen seventy-nine.", "1998-02-13")).toEqual([
      "in nineteen seventy-nine → 1979",
    ]);
    expect(read("The goal was dropped by the year two thousand.", "1998-02-13")).toEqual([
      "by the year two thousand → 2000",
    ]);
    expect(read("In two thousand and three, he left.", "2005-02-13")).toEqual([
      "In two thousand and three → 2003",
    ]);
    expect(read("It began in nineteen hundred and ninety-eight.", "1999-02-13")).toEqual([
      "in nineteen hundred and ninety-eight → 1998",
    ]);
  });

  it("leaves numbers that are counts, and a winter that runs into the next year", () => {
    expect(read("Some two thousand people marched.", "1998-02-13")).toEqual([]);
    expect(read("By two thousand people had left.", "1998-02-13")).toEqual([]);
    expect(read("She paid with nineteen twenty-dollar bills.", "1998-02-13")).toEqual([]);
    expect(read("The fund holds nineteen five-year bonds.", "1998-02-13")).toEqual([]);
    expect(read("Nineteen hundred and fifty people came.", "1998-02-13")).toEqual([]);
    expect(read("Prices fell to the level of the winter of nineteen ninety-four.", "1998-02-13")).toEqual([]);
  });
});

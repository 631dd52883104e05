import { describe, expect, it } from "vitest";
import { holidayDay } from "../../../../src/core/analyzers/dates/holiday.js";
import { read } from "./read-dates.js";

describe("holidays", () => {
  it("computes movable holidays", () => {
    expect(holidayDay("Thanksgiving", 2024)).toEqual({ year: 2024, month: 11, day: 28 });
    expect(holidayDay("Easter", 2025)).toEqual({ year: 2025, month: 4, day: 20 });
    expect(holidayDay("Election Day", 2020)).toEqual({ year: 2020, month: 11, day: 3 });
    expect(holidayDay("Memorial Day", 2023)).toEqual({ year: 2023, month: 5, day: 29 });
  });

  it("takes the last one in a past sentence and the next one in a future sentence", () => {
    expect(read("The ferry capsized on Christmas Eve.", "2022-01-10")).toEqual([
      "on Christmas Eve → 2021-12-24",
    ]);
    expect(read("The bridge will open by Thanksgiving.", "2022-01-10")).toEqual([
      "by Thanksgiving → 2022-11-24",
    ]);
    expect(read("The strike began on Election Day 1998.", "2022-01-10")).toEqual([
      "on Election Day 1998 → 1998-11-03",
    ]);
  });

  it("keeps only the month when the publication gives no day", () => {
    expect(read("The ferry capsized on Christmas Eve.", "2022-01")).toEqual(["on Christmas Eve → 2021-12"]);
  });

  it("takes the coming one, up to two months ahead, even in a past sentence", () => {
    // Easter 1987 was April 19, 45 days after this paper.
    expect(read("The senator pledged to pass the bill before Easter.", "1987-03-05")).toEqual([
      "before Easter → 1987-04-19",
    ]);
    // Easter 2025 is April 20.
    expect(read("Pilgrims filled the square as Easter week began.", "2025-04-14")).toEqual([
      "Easter → 2025-04-20",
    ]);
  });

  it("does not read a holiday inside a longer word ('Eastern Airlines')", () => {
    expect(read("Eastern Airlines cut flights in the strike.", "1989-10-26")).toEqual([]);
  });
});

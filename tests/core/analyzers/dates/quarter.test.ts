import { describe, expect, it } from "vitest";
import { findDates } from "../../../../src/core/analyzers/dates/find-dates.js";
import { read } from "./read-dates.js";

describe("quarters", () => {
  it("dates a quarter by its year, the finest ISO partial date that holds it", () => {
    expect(read("Bellmont posted a third-quarter loss of 4 million dollars.", "2019-11-04")).toEqual([
      "third-quarter → 2019",
    ]);
    expect(read("Sales rose in the fourth quarter of 2017.", "2019-11-04")).toEqual([
      "in the fourth quarter of 2017 → 2017",
    ]);
    expect(read("In the 2016 second quarter, margins narrowed.", "2019-11-04")).toEqual([
      "In the 2016 second quarter → 2016",
    ]);
  });

  it("reads 'last year's fourth quarter' as one expression, in the year it names", () => {
    expect(read("Margins were thinner than in last year's fourth quarter.", "2019-11-04")).toEqual([
      "in last year's fourth quarter → 2018",
    ]);
    expect(read("The mill expects to reopen in next year’s first quarter.", "2019-11-04")).toEqual([
      "in next year’s first quarter → 2020",
    ]);
  });

  it("puts the period set right after a year-ago quarter in that year", () => {
    expect(
      read("In the year-ago quarter, the second quarter ended Oct. 31, the chain lost money.", "2019-11-04"),
    ).toEqual(["In the year-ago quarter → 2018", "the second quarter → 2018", "Oct. 31 → 2018-10-31"]);
    expect(
      read("In the year-earlier second quarter, the chain earned 40 cents a share.", "2019-11-04"),
    ).toEqual(["year-earlier → 2018", "second quarter → 2018"]);
  });

  it("does not carry a written fiscal year over to the day it ends", () => {
    // Japanese fiscal years are named by the year they start: fiscal 2018 ended in March 2019.
    expect(read("Output fell in fiscal 2018 ending March 31.", "2019-06-04")).toEqual([
      "2018 → 2018",
      "March 31 → 2019-03-31",
    ]);
  });

  it("reads fourth-quarter results named in the first quarter as the quarter just over", () => {
    expect(read("The firm said its fourth quarter earnings report will be delayed.", "2019-03-12")).toEqual([
      "fourth quarter → 2018",
    ]);
    // A plan for the fourth quarter is the coming one.
    expect(read("The firm expects to turn profitable by the fourth quarter.", "2019-03-12")).toEqual([
      "by the fourth quarter → 2019",
    ]);
  });

  it("takes last year's quarter when this year's has not begun", () => {
    expect(read("Orders fell sharply in the fourth quarter.", "2019-02-12")).toEqual([
      "in the fourth quarter → 2018",
    ]);
    expect(read("The mill will reopen in the fourth quarter.", "2019-02-12")).toEqual([
      "in the fourth quarter → 2019",
    ]);
  });

  it("reads 'the quarter' as the last one over and 'year-ago' a year before, as estimates", () => {
    const [quarter] = findDates("Margins improved during the quarter.", "2020-01-20");
    expect(quarter).toMatchObject({ date: "2019", approximate: true });
    const [yearAgo] = findDates("Profit rose from the year-ago quarter.", "2019-10-20");
    expect(yearAgo).toMatchObject({ date: "2018", role: "comparison" });
  });

  it("leaves fractions alone", () => {
    expect(read("A quarter of the staff left.", "2019-10-20")).toEqual([]);
  });
});

describe("quarters with a possessive year", () => {
  it("reads '1988's fourth quarter' as 1988's", () => {
    expect(read("In 1988's fourth quarter, the loss widened.", "1989-10-26")).toEqual([
      "In 1988's fourth quarter → 1988",
    ]);
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

import { describe, expect, it } from "vitest";
import { read } from "./read-dates.js";

describe("year-end and the current period", () => {
  it("reads year-end as the last day of the publication year, or of the year before after 'since'", () => {
    expect(read("The merger should close by year-end.", "2018-10-30")).toEqual(["by year-end → 2018-12-31"]);
    expect(read("The index is up 12% since year-end.", "2018-10-30")).toEqual([
      "since year-end → 2017-12-31",
    ]);
  });

  it("reads the current year and month from the publication", () => {
    expect(read("Output should grow 3% in the current year.", "2018-10-30")).toEqual([
      "in the current year → 2018",
    ]);
  });
});

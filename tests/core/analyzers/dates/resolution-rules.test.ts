import { describe, expect, it } from "vitest";
import { findDates } from "../../../../src/core/analyzers/dates/find-dates.js";
import { tenseAt } from "../../../../src/core/analyzers/dates/tense.js";
import { read } from "./read-dates.js";

describe("years a determiner introduces", () => {
  it("reads a year between a determiner and the word it qualifies", () => {
    expect(read("Critics recalled the 1996 flood that closed the port.", "2001-03-03")).toEqual([
      "1996 → 1996",
    ]);
    expect(read("It cited costs from its 1988 restructuring.", "1989-10-30")).toEqual(["1988 → 1988"]);
    expect(read("Attacks rose between 1994 and 1997.", "2001-03-03")).toEqual(["1994 → 1994", "1997 → 1997"]);
  });

  it("does not read a quantity as a year", () => {
    expect(read("The firm sold its 1500 shares in May 2001.", "2001-06-03")).toEqual([
      "in May 2001 → 2001-05",
    ]);
  });
});

describe("weekdays", () => {
  it("take the one gone by in a past sentence", () => {
    // 1999-03-15 is a Monday.
    expect(read("Dock workers held a rally Thursday near the port.", "1999-03-15")).toEqual([
      "Thursday → 1999-03-11",
    ]);
  });

  it("take the next one when the sentence says it is to come ('is to')", () => {
    expect(read("Trading is to resume Tuesday.", "1999-03-15")).toEqual(["Tuesday → 1999-03-16"]);
  });
});

describe("months written without a year", () => {
  it("reads 'this September' as the publication year's", () => {
    expect(read("Elections are due this September.", "2004-02-05")).toEqual(["this September → 2004-09"]);
  });

  it("reads a deadline a few months ahead as upcoming even in a past sentence", () => {
    expect(read("The lenders gave the firm until mid-November to pay.", "2004-10-20")).toEqual([
      "until mid-November → 2004-11",
    ]);
    expect(read("The board agreed to repay the loan by February.", "2004-10-20")).toEqual([
      "by February → 2005-02",
    ]);
  });

  it("keeps a deadline already past in the publication year", () => {
    expect(read("The court ordered the return of the boy by Jan. 14.", "2000-01-15")).toEqual([
      "by Jan. 14 → 2000-01-14",
    ]);
  });
});

describe("chrono's mixed ranges and 'the previous' weekday", () => {
  it("splits a weekday 'to' a month into two dates", () => {
    expect(read("The bureau made a small revision Friday to December's figures.", "1998-02-06")).toEqual([
      "Friday → 1998-02-06",
      "December → 1997-12",
    ]);
  });

  it("splits a range from a day of one month to a day of another", () => {
    expect(read("Shares were bought from Aug. 26 to Oct. 20.", "1989-10-30")).toEqual([
      "from Aug. 26 → 1989-08-26",
      "Oct. 20 → 1989-10-20",
    ]);
  });

  it("counts 'the previous Friday' back from the day the story is at", () => {
    const store = findDates(
      "Shares closed on Friday, Oct. 27, down 4.5% from the previous Friday.",
      "1989-10-30",
    );
    expect(store.map((m) => m.date)).toEqual(["1989-10-27", "1989-10-20"]);
  });
});

describe("months in a past sentence", () => {
  it("read the month right after publication as the coming one", () => {
    expect(read("The utility said it cut supplies in September.", "1990-08-16")).toEqual([
      "in September → 1990-09",
    ]);
  });
});

describe("the narrative anchor", () => {
  it("does not walk back year by year: 'a year earlier' twice is the same year", () => {
    const sentence = "Profit was 3 million dollars, against 2 million a year earlier.";
    const first = findDates("Profit was 3 million dollars a year earlier.", "2010-10-26");
    const anchor = first[0];
    expect(anchor?.date).toBe("2009");
    const again = findDates(sentence, "2010-10-26");
    expect(again.map((m) => m.date)).toEqual(["2009"]);
  });
});

describe("tense", () => {
  it("lets a verb of saying set the tense of its own clause only", () => {
    const sentence = "The two countries join the alliance in early March, an official said.";
    const start = sentence.indexOf("early");
    expect(tenseAt(sentence, start, start + 11)).toBe("unknown");
  });

  it("reads 'is to' and 'as soon as' as the future, and 'due to' a cause as no tense", () => {
    expect(tenseAt("The plant is to reopen Tuesday.", 23, 30)).toBe("future");
    expect(tenseAt("Shares fell due to its loss on Tuesday.", 31, 38)).toBe("past");
  });
});

describe("a weekday's possessive", () => {
  // 1999-03-15 is a Monday.
  it("has happened when nothing else tells", () => {
    expect(read("Thursday's closing price set a record.", "1999-03-15")).toEqual(["Thursday → 1999-03-11"]);
  });

  it("is still to come when awaited in the present", () => {
    expect(read("Investors are waiting for Thursday's jobs report.", "1999-03-15")).toEqual([
      "Thursday → 1999-03-18",
    ]);
    expect(read("Candidates are campaigning ahead of Thursday's vote.", "1999-03-15")).toEqual([
      "Thursday → 1999-03-18",
    ]);
  });

  it("stays gone when the waiting is told in the past", () => {
    expect(read("Shares fell ahead of Thursday's report.", "1999-03-15")).toEqual(["Thursday → 1999-03-11"]);
  });
});

describe("the publication's own weekday with a possessive", () => {
  it("is the publication day, even in a future sentence", () => {
    // 1987-10-19 is a Monday.
    expect(
      read("Experts said that if Monday's decline lasts it will hurt the economy.", "1987-10-19"),
    ).toEqual(["Monday → 1987-10-19"]);
  });
});

describe("a month range called current", () => {
  it("is this year's, whatever the tense", () => {
    expect(
      read("The decline is likely to bottom out in the current January-March quarter.", "1987-03-16"),
    ).toEqual(["January-March → 1987"]);
  });
});

describe("the month just before publication in a future sentence", () => {
  it("is the one just gone: its figures are still to come out", () => {
    expect(read("Exports are expected to show a 26 pct fall in February.", "1987-03-23")).toEqual([
      "in February → 1987-02",
    ]);
  });

  it("is next year's when the text says 'next', or sets it as a limit", () => {
    expect(read("The jet should have its first flight next February.", "1987-03-02")).toEqual([
      "next February → 1988-02",
    ]);
    expect(read("The firms will not be able to start trading until May.", "1987-06-02")).toEqual([
      "until May → 1988-05",
    ]);
  });
});

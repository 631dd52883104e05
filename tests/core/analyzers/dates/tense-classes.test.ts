import { describe, expect, it } from "vitest";
import { tenseAt } from "../../../../src/core/analyzers/dates/tense.js";
import { read } from "./read-dates.js";

function tenseOf(sentence: string, expression: string) {
  const start = sentence.indexOf(expression);
  return tenseAt(sentence, start, start + expression.length);
}

// 2011-06-08 is a Wednesday.
const WEDNESDAY = "2011-06-08";

describe("the future of a past ('would', 'planned to')", () => {
  it("leaves the tense open, so a weekday is the nearest one", () => {
    expect(tenseOf("The crew planned to sail from Dover on Thursday.", "Thursday")).toBe("unknown");
    expect(read("The crew planned to sail from Dover on Thursday.", WEDNESDAY)).toEqual([
      "on Thursday → 2011-06-09",
    ]);
  });

  it("reads a date set off before the planning verb as that verb's past", () => {
    // The Friday gone is five days back, the coming one two days ahead.
    expect(read("On Friday, the council planned to close the bridge.", WEDNESDAY)).toEqual([
      "On Friday → 2011-06-03",
    ]);
  });

  it("keeps a deadline that 'would' give close to publication in its own year", () => {
    expect(read("The ministry said the ferry would resume by June 7.", WEDNESDAY)).toEqual([
      "by June 7 → 2011-06-07",
    ]);
    expect(read("He said the hearing would be held on October 4.", WEDNESDAY)).toEqual([
      "on October 4 → 2011-10-04",
    ]);
  });

  it("reads 'were planning to' as one open marker, not a past 'were'", () => {
    expect(
      tenseOf("Farmers planned a march on Saturday and were planning to block the road.", "Saturday"),
    ).toBe("unknown");
  });

  it("does not open 'would have' or 'wouldn't', which stay with the other verbs", () => {
    expect(tenseOf("The mill closed Monday; it wouldn't reopen.", "Monday")).toBe("past");
  });
});

describe("clauses", () => {
  it("ends a clause at a quotation mark, so a quotation's tense stays inside it", () => {
    const sentence = "Fans who rallied outside the stadium Monday. ``We'll be back,'' one said.";
    expect(tenseOf(sentence, "Monday")).toBe("past");
  });

  it("reads a clause in the present as open rather than taking another clause's past", () => {
    const sentence = "The tenant had not signed the lease, which is reviewed in August.";
    expect(tenseOf(sentence, "August")).toBe("unknown");
    expect(read(sentence, "2011-06-08")).toEqual(["in August → 2011-08"]);
  });
});

describe("weekdays with nothing to tell the tense", () => {
  it("puts a weekday with a possessive in the past ('Thursday's closing price')", () => {
    // Thursday is three days after this Monday and four days before it.
    expect(read("A premium of 12% over Thursday's closing price.", "2011-06-06")).toEqual([
      "Thursday → 2011-06-02",
    ]);
  });
});

describe("month names", () => {
  it("reads 'last' + the publication's month or the one before as last year's", () => {
    expect(read("Two ferries collided last May.", "2011-06-08")).toEqual(["last May → 2010-05"]);
    expect(read("Two ferries collided last June.", "2011-06-08")).toEqual(["last June → 2010-06"]);
    expect(read("Two ferries collided last March.", "2011-06-08")).toEqual(["last March → 2011-03"]);
    // "the last March week" is the last week of this March.
    expect(read("Deposits fell in the last March week.", "2011-04-03")).toEqual(["last March → 2011-03"]);
  });

  it("reads 'May' after a word that introduces a time, which chrono leaves out", () => {
    expect(read("The board, appointed last May, met again.", "2011-10-20")).toEqual(["last May → 2011-05"]);
    expect(read("Prices have doubled since May.", "2011-10-20")).toEqual(["since May → 2011-05"]);
    expect(read("Shares rose after May Department Stores bid.", "2011-10-20")).toEqual([]);
  });

  it("reads a month between 'the' and a noun it qualifies, not before a preposition", () => {
    expect(read("Police linked him to the October robbery of a bank.", "2012-02-01")).toEqual([
      "October → 2011-10",
    ]);
    expect(read("Thousands joined the March on the capital.", "2012-02-01")).toEqual([]);
  });
});

describe("days listed after a date", () => {
  it("reads each further day of the same month as a date of its own", () => {
    expect(read("Leaders will meet on April 24 and 25.", "2011-02-10")).toEqual([
      "on April 24 → 2011-04-24",
      "25 → 2011-04-25",
    ]);
  });

  it("does not read a figure after a date as a day", () => {
    expect(read("Rates were set on May 5 and 6 percent later.", "2011-06-10")).toEqual([
      "on May 5 → 2011-05-05",
    ]);
    expect(read("The fair opened on June 3 and 2 more stalls came.", "2011-06-10")).toEqual([
      "on June 3 → 2011-06-03",
    ]);
  });
});

describe("which verb a date belongs to", () => {
  it("gives a date between two verbs to the one before it at equal distance", () => {
    // "said in January it would…": the saying was last January, not the coming one.
    expect(read("The mill said in January it would cut jobs.", "1989-10-30")).toEqual([
      "in January → 1989-01",
    ]);
    expect(tenseOf("The mill said in January it would cut jobs.", "January")).toBe("past");
  });

  it("does not give a date the verb of a clause joined after it by 'and' or 'but'", () => {
    expect(read("The mayor signed the order Tuesday and will sign another on Friday.", WEDNESDAY)).toEqual([
      "Tuesday → 2011-06-07",
      "on Friday → 2011-06-10",
    ]);
  });
});

describe("likelihood looks ahead", () => {
  it("reads 'is likely to' and 'is poised to' like 'is expected to'", () => {
    expect(read("The merger is likely to close Friday.", WEDNESDAY)).toEqual(["Friday → 2011-06-10"]);
    expect(read("The union is poised to strike on Monday.", WEDNESDAY)).toEqual(["on Monday → 2011-06-13"]);
  });
});

describe("what a verb of saying dates", () => {
  // 1987-04-01 is a Wednesday.
  const WEDNESDAY_1987 = "1987-04-01";

  it("dates the saying when only its object or a setting stands between them", () => {
    expect(read("The minister told reporters Monday the plan was dead.", WEDNESDAY_1987)).toEqual([
      "Monday → 1987-03-30",
    ]);
    expect(read("The senator told ABC Television on Sunday he was tired.", WEDNESDAY_1987)).toEqual([
      "on Sunday → 1987-03-29",
    ]);
    expect(read('"It will help," Lyng told Reuters in an interview Tuesday.', WEDNESDAY_1987)).toEqual([
      "Tuesday → 1987-03-31",
    ]);
  });

  it("leaves a date inside what was said to that content's own tense", () => {
    // Without the saying, "may be released in May" is the coming May.
    expect(read("Officials said the study may be released in May.", WEDNESDAY_1987)).toEqual([
      "in May → 1987-05",
    ]);
    expect(read("Delegates said it could be Friday before the vote.", WEDNESDAY_1987)).toEqual([
      "Friday → 1987-04-03",
    ]);
  });

  it("keeps a participle joined by 'and' in the date's clause", () => {
    expect(read("The rate matches the one set in January and left unchanged since.", WEDNESDAY_1987)).toEqual(
      ["in January → 1987-01"],
    );
  });

  it("does not read 'housing starts' as a verb that looks ahead", () => {
    expect(read("In January, housing starts fell 0.5 pct.", "1987-03-17")).toEqual(["In January → 1987-01"]);
  });
});

describe("the future of a past written with a future word", () => {
  it("reads 'was scheduled to' and 'were likely to' as open, not as the future", () => {
    // In a 1987-03-18 paper: the signing planned for February, then put off, was this February.
    expect(
      read("The loan was scheduled to be signed in mid-February but was postponed.", "1987-03-18"),
    ).toEqual(["in mid-February → 1987-02"]);
    expect(tenseOf("Buyers were likely to return on Monday.", "Monday")).toBe("unknown");
  });
});

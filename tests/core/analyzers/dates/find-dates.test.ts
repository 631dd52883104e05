import { describe, expect, it } from "vitest";
import { findDates } from "../../../../src/core/analyzers/dates/find-dates.js";

/** The expressions found in a sentence, as `text → date`. */
function read(sentence: string, published: string | undefined): string[] {
  return findDates(sentence, published).map((m) => `${m.text} → ${m.date}`);
}

describe("findDates: dates written out", () => {
  it("keeps the precision the text gives", () => {
    expect(read("The pipeline opened on March 3, 2021 after years of delay.", "2024-05-10")).toEqual([
      "on March 3, 2021 → 2021-03-03",
    ]);
    expect(read("The lease runs out in October 2027.", "2024-05-10")).toEqual(["in October 2027 → 2027-10"]);
    expect(read("Stocks stood at 5 mln tonnes at the end of January.", "1987-03-03")).toEqual([
      "end of January → 1987-01",
    ]);
  });

  it("reads a bare year, which chrono leaves out, with its lead-in words", () => {
    expect(read("Earlier in 2023, the ferry company cut its timetable.", "2023-11-02")).toEqual([
      "Earlier in 2023 → 2023",
    ]);
    expect(read("Tolls have risen every year since 1998.", "2023-11-02")).toEqual(["since 1998 → 1998"]);
  });

  it("reads a year that qualifies a period noun", () => {
    expect(read("The 2022 harvest was the smallest in a decade.", "2023-11-02")).toEqual(["2022 → 2022"]);
  });

  it("gives the offsets of the expression in the sentence", () => {
    const sentence = "Work began in mid-April and ended in June 2024.";
    for (const mention of findDates(sentence, "2024-08-01")) {
      expect(sentence.slice(mention.start, mention.end)).toBe(mention.text);
      expect(sentence.slice(mention.coreStart, mention.coreEnd).length).toBeGreaterThan(0);
    }
    expect(read(sentence, "2024-08-01")).toEqual(["in mid-April → 2024-04", "in June 2024 → 2024-06"]);
  });

  it("dates a range by the period holding all of it", () => {
    expect(read("Voting runs from Nov 3 to 9.", "2024-10-20")).toEqual(["from Nov 3 to 9 → 2024-11"]);
  });

  it("resolves dates the text states in full even without a publication date", () => {
    expect(read("The treaty was signed on 12 May 1949.", undefined)).toEqual(["on 12 May 1949 → 1949-05-12"]);
    expect(read("The treaty was signed last year.", undefined)).toEqual([]);
  });
});

describe("findDates: dates written without a year", () => {
  it("puts a past month at or before publication", () => {
    expect(read("The regulator fined the bank in July.", "2025-09-27")).toEqual(["in July → 2025-07"]);
    expect(read("The regulator fined the bank in November.", "2025-09-27")).toEqual([
      "in November → 2024-11",
    ]);
  });

  it("puts a future month at or after publication", () => {
    expect(read("The regulator will rule in March.", "2025-09-27")).toEqual(["in March → 2026-03"]);
  });

  it("reads a date just ahead of publication as upcoming, whatever the verb", () => {
    expect(read("The firm announced an investor day on October 12.", "2025-10-04")).toEqual([
      "on October 12 → 2025-10-12",
    ]);
  });

  it("picks the nearest date when no verb tells the tense", () => {
    expect(read("Ticket sales open on July 1.", "2025-06-08")).toEqual(["on July 1 → 2025-07-01"]);
  });

  it("reads a month with a day in any case", () => {
    expect(read("APRIL 7 - The exchange reopened.", "1987-04-07")).toEqual(["APRIL 7 → 1987-04-07"]);
  });

  it("reads Reuters-style dates", () => {
    expect(read("Arrivals for the week ended Feb 22 were 12,000 bags.", "1987-02-26")).toEqual([
      "Feb 22 → 1987-02-22",
    ]);
  });

  it("reads 'January of this year' as one expression", () => {
    expect(read("She has been on leave since January of this year.", "2011-08-25")).toEqual([
      "since January of this year → 2011-01",
    ]);
  });
});

describe("findDates: weekdays", () => {
  it("takes the weekday on or before publication in a past sentence", () => {
    // 2025-01-27 is a Monday.
    expect(read("By Monday, the airline had cancelled every flight.", "2025-01-27")).toEqual([
      "By Monday → 2025-01-27",
    ]);
    expect(read("Protesters gathered on Sunday outside the ministry.", "2025-01-27")).toEqual([
      "on Sunday → 2025-01-26",
    ]);
  });

  it("takes the next one in a future sentence, and follows 'last' and 'next'", () => {
    expect(read("The court will sit on Thursday.", "2025-01-27")).toEqual(["on Thursday → 2025-01-30"]);
    expect(read("The talks collapsed last Monday.", "2025-01-27")).toEqual(["last Monday → 2025-01-20"]);
  });

  it("keeps only the month when the publication gives no day", () => {
    const [mention] = findDates("Workers walked out on Friday.", "2025-01");
    expect(mention?.date).toBe("2025-01");
    expect(mention?.approximate).toBe(true);
  });
});

describe("findDates: relative expressions", () => {
  it("reads yesterday, today and tomorrow from the publication day", () => {
    expect(read("The minister resigned yesterday.", "2024-03-01")).toEqual(["yesterday → 2024-02-29"]);
  });

  it("never invents a day the publication date does not give", () => {
    expect(read("The minister resigned yesterday.", "2024-03")).toEqual(["yesterday → 2024-03"]);
  });

  it("reads last year, next month and this week at their own precision", () => {
    expect(read("Exports fell last year.", "2024-03-01")).toEqual(["last year → 2023"]);
    expect(read("The plant reopens next month.", "2024-03-01")).toEqual(["next month → 2024-04"]);
    // The week of Wednesday 2025-09-24 runs from the 22nd to the 28th.
    expect(read("Prices jumped this week.", "2025-09-24")).toEqual(["this week → 2025-09"]);
  });

  it("gives a season its year", () => {
    expect(read("The software ships next summer.", "2010-10-23")).toEqual(["next summer → 2011"]);
  });

  it("gives a week across two months only its year", () => {
    // The week of Wednesday 2025-10-01 runs from 29 September to 5 October.
    expect(read("Prices jumped this week.", "2025-10-01")).toEqual(["this week → 2025"]);
  });

  it("counts back from the publication for 'ago'", () => {
    expect(read("The dam burst three days ago.", "2024-03-01")).toEqual(["three days ago → 2024-02-27"]);
    expect(read("The dam burst two years ago.", "2024-03-01")).toEqual(["two years ago → 2022"]);
  });

  it("estimates a vague count one step coarser, and says so", () => {
    const [mention] = findDates("The agency cut its rating weeks before the current turmoil.", "2025-09-27");
    expect(mention).toMatchObject({ text: "weeks before", date: "2025-09", approximate: true });
  });

  it("skips an offset from an event it cannot date", () => {
    expect(read("Two days before the vote, the party split.", "2024-03-01")).toEqual([]);
  });

  it("does not take a time of day for a date", () => {
    expect(read("Polls close at 8 pm in the capital.", "2024-03-01")).toEqual([]);
  });
});

describe("findDates: the story's own sequence", () => {
  it("counts 'the next day' from the date the story gave", () => {
    const anchor = { date: { year: 2024, month: 6, day: 2 }, day: { year: 2024, month: 6, day: 2 } };
    const [mention] = findDates("By the next day, the embassy had closed.", "2024-06-10", { anchor });
    expect(mention).toMatchObject({ text: "By the next day", date: "2024-06-03", basis: "narrative" });
  });

  it("follows a date given earlier in the same sentence", () => {
    expect(
      read("The strike began on May 4, 2023 and three days later the port closed.", "2024-01-01"),
    ).toEqual(["on May 4, 2023 → 2023-05-04", "three days later → 2023-05-07"]);
  });

  it("without an earlier date, reads 'the next day' as recent: the publication month, approximate", () => {
    const [mention] = findDates("By the next day, the envoy's visa was revoked.", "2025-09-27");
    expect(mention).toMatchObject({ date: "2025-09", approximate: true, basis: "publication" });
  });

  it("reads 'that very morning' as the story's last date", () => {
    const anchor = { date: { year: 2024, month: 6, day: 2 }, day: { year: 2024, month: 6, day: 2 } };
    expect(findDates("He flew home that very morning.", "2024-06-10", { anchor })[0]?.date).toBe(
      "2024-06-02",
    );
  });
});

describe("findDates: things that are not dates", () => {
  it("ignores 'may' and 'march' as verbs", () => {
    expect(read("Prices may rise and unions march on the capital.", "2024-03-01")).toEqual([]);
  });

  it("ignores a month name that is a name", () => {
    expect(read("May Department Stores raised its dividend.", "1987-03-01")).toEqual([]);
    expect(read("June Carter sang at the gala.", "1987-03-01")).toEqual([]);
  });

  it("ignores figures, split years and ordinals", () => {
    expect(read("A 25% tariff hit 155,221 bags of coffee.", "2025-01-27")).toEqual([]);
    expect(read("The 1987/88 season starts soon and the 1986-87 crop was poor.", "1987-03-01")).toEqual([]);
    expect(read("It is the first time in a second term that this has happened.", "2025-01-27")).toEqual([]);
    expect(read("Output reached 2000 tonnes and 1990 shares changed hands.", "1987-03-01")).toEqual([]);
  });

  it("ignores decades and table figures after a month name", () => {
    expect(read("In the late 1980s the firm grew.", "2006-03-28")).toEqual([]);
    expect(read("Linseed prev 34.8, Feb 32.9, Mar 6.8.", "1987-02-26")).toEqual([]);
  });

  it("ignores newspaper titles and quoted programme names", () => {
    expect(read('The Sunday Times reported it on NBC\'s "Today" programme.', "2024-03-01")).toEqual([]);
  });

  it("ignores compounds and spans that only look like dates", () => {
    expect(read("Waivers were tried on the last day of each offer.", "1987-04-03")).toEqual([]);
    expect(read("Prices may 5 pct higher, and marchers march 3 miles.", "1987-04-07")).toEqual([]);
  });

  it("ignores a platform's former name", () => {
    expect(read("He posted on X (formerly Twitter) within hours.", "2025-09-27")).toEqual([]);
  });
});

describe("findDates: what a date does in its sentence", () => {
  it("reads 'the same year-ago period' as a baseline a year before the last quarter", () => {
    const [mention] = findDates("Sales were above the same year-ago period.", "1987-04-07");
    expect(mention).toMatchObject({ date: "1986", role: "comparison", approximate: true });
  });

  it("marks a comparison baseline", () => {
    const mentions = findDates("Profit rose to 5 mln dlrs from 3.2 mln in 1986.", "1987-03-01");
    expect(mentions.map((m) => m.role)).toEqual(["comparison"]);
  });

  it("marks the date of the reporting", () => {
    const mentions = findDates("Prices fell in January, the ministry said on Monday.", "1987-02-26");
    expect(mentions.map((m) => [m.text, m.role])).toEqual([
      ["in January", "event"],
      ["on Monday", "reporting"],
    ]);
  });
});

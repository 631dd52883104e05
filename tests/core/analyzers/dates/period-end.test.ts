import { describe, expect, it } from "vitest";
import { documentMentions } from "../../../../src/core/analyzers/dates/document-mentions.js";
import { endsPeriod } from "../../../../src/core/analyzers/dates/period-end.js";
import { makeDocument } from "./make-documents.js";
import { read } from "./read-dates.js";

// 2003-10-28 is a Tuesday.
const PUBLISHED = "2003-10-28";

/** Every sentence's dates of a one-paragraph article, as `text → date`. */
function readArticle(paragraph: string): string[] {
  const document = makeDocument({ id: "a", published: PUBLISHED, paragraphs: [paragraph] });
  return [...documentMentions(document).values()].flat(2).map((m) => `${m.text} → ${m.date}`);
}

describe("the close of an accounting period", () => {
  it("is a day written in figures after a period 'ended' or 'ending'", () => {
    const closes = (sentence: string, date: string): boolean => {
      const start = sentence.indexOf(date);
      return endsPeriod(sentence, start, start + date.length);
    };
    expect(closes("For the quarter ended Sept. 30, the bakery earned $3 million.", "Sept. 30")).toBe(true);
    expect(closes("In the six months ending on Aug. 12, sales rose.", "Aug. 12")).toBe(true);
    expect(closes("It reported a first quarter, ended Nov. 30, profit.", "Nov. 30")).toBe(true);
    expect(closes("The bridge opened on Sept. 30.", "Sept. 30")).toBe(false);
    expect(closes("The strike ended Sept. 30.", "Sept. 30")).toBe(false);
    expect(closes("The quarter ended Tuesday.", "Tuesday")).toBe(false);
  });

  it("makes 'a year earlier' in the same sentence the same day a year before", () => {
    expect(
      read(
        "For the quarter ended Sept. 30, the bakery earned $3 million, up from $2 million a year earlier.",
        PUBLISHED,
      ),
    ).toEqual(["Sept. 30 → 2003-09-30", "a year earlier → 2002-09-30"]);
  });

  it("makes 'a year ago' right after it the same comparison, not a year before publication", () => {
    expect(
      read(
        "For the six months ended Aug. 12, the grocer earned $6 million, compared with $8 million a year ago.",
        PUBLISHED,
      ),
    ).toEqual(["Aug. 12 → 2003-08-12", "a year ago → 2002-08-12"]);
  });

  it("keeps only the year for 'a year earlier' in a later sentence, or after a day that closes nothing", () => {
    expect(
      readArticle("The grocer's fiscal year ended June 30. A year earlier, it had closed four stores."),
    ).toEqual(["June 30 → 2003-06-30", "A year earlier → 2002"]);
    expect(read("The bridge opened on March 3, a year earlier than the tunnel opened.", PUBLISHED)).toEqual([
      "on March 3 → 2003-03-03",
    ]);
    expect(read("The ferry sailed again on March 3, a year earlier.", PUBLISHED)).toEqual([
      "on March 3 → 2003-03-03",
      "a year earlier → 2002",
    ]);
  });

  it("keeps the year when the day closes no period, or for 'a year later'", () => {
    expect(read("A meeting ended last night, a year ago the quotas were suspended.", PUBLISHED)).toEqual([
      "last night → 2003-10-27",
      "a year ago → 2002",
    ]);
    expect(
      read("For the year ended June 30, 2001, sales rose, and a year later they fell.", PUBLISHED),
    ).toEqual(["June 30, 2001 → 2001-06-30", "a year later → 2002"]);
  });

  it("does not let the year-earlier comparison move the story's date", () => {
    expect(
      read(
        "For the quarter ended Sept. 30, profit rose from $4 million a year earlier; the shares jumped the next day.",
        PUBLISHED,
      ),
    ).toEqual(["Sept. 30 → 2003-09-30", "a year earlier → 2002-09-30", "the next day → 2003-10-01"]);
  });
});

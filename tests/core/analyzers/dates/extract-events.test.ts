import { describe, expect, it } from "vitest";
import { extractEvents } from "../../../../src/core/analyzers/dates/extract-events.js";
import { passageText } from "../../../../src/core/index/passages.js";
import { makeStore } from "./make-documents.js";

describe("extractEvents", () => {
  const store = makeStore({
    id: "port-strike",
    published: "2024-06-10",
    paragraphs: [
      "Dock workers walked out on June 3, 2024 over pay. The next day, the port authority closed two terminals.",
      "Shipping lines diverted vessels to other ports. Union leaders met ministers that same day.",
      "Negotiations resumed in the capital.",
      "The government called the strike illegal.",
      "Freight rates climbed.",
      "The following week, an agreement was signed.",
    ],
  });
  const events = extractEvents(store.all);
  const dated = events.map((e) => {
    const passage = store.get(e.passageId);
    return [passage === undefined ? "" : passageText(passage), e.date];
  });

  it("dates sentences by what they state", () => {
    expect(dated[0]).toEqual(["Dock workers walked out on June 3, 2024 over pay.", "2024-06-03"]);
  });

  it("counts 'the next day' and 'that same day' from the story's last date, across sentences and paragraphs", () => {
    expect(dated[1]).toEqual(["The next day, the port authority closed two terminals.", "2024-06-04"]);
    expect(dated[2]).toEqual(["Union leaders met ministers that same day.", "2024-06-04"]);
  });

  it("lets the story's last date lapse after three undated paragraphs", () => {
    // Paragraph 6 is four paragraphs after the last date: the anchor is gone, and "the
    // following week" falls back to the publication, to the month and approximate.
    const last = events.at(-1);
    expect(last).toMatchObject({ date: "2024-06", approximate: true, dateText: "The following week" });
  });

  it("gives sentences without a date no event", () => {
    expect(events).toHaveLength(4);
  });

  it("dates a passage the same whichever passages are asked about", () => {
    const alone = extractEvents(store.all.slice(1, 2));
    expect(alone.map((e) => e.date)).toEqual(["2024-06-04"]);
  });

  it("keeps the most specific of nested dates, and distinct dates apart", () => {
    const nested = makeStore({
      id: "nested",
      published: "2024-06-10",
      paragraphs: [
        "In 2023, on March 14, the company listed its shares. It was founded in 1998 and went public in 2023.",
      ],
    });
    expect(extractEvents(nested.all).map((e) => e.date)).toEqual(["2023-03-14", "1998", "2023"]);
  });

  it("keeps the reporting date only when nothing else is dated", () => {
    const reported = makeStore({
      id: "reported",
      published: "1987-03-04",
      paragraphs: [
        "Exports fell in January, the ministry said on Monday. The ministry said on Monday it would act.",
      ],
    });
    expect(extractEvents(reported.all).map((e) => e.dateText)).toEqual(["in January", "on Monday"]);
  });

  it("never dates by a comparison baseline", () => {
    const compared = makeStore({
      id: "compared",
      published: "1987-03-04",
      paragraphs: ["Net profit rose to 12 mln dlrs from 9 mln dlrs in 1985."],
    });
    expect(extractEvents(compared.all)).toEqual([]);
  });
});

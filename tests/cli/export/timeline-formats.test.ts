import { describe, expect, it } from "vitest";
import { eventsCsv, toTimelineJs } from "../../../src/cli/export/formats.js";
import type { EventRecord } from "../../../src/cli/export/records.js";

const citation = { docId: "wire", title: "Port closes", paragraph: 2, published: "2024-03-09" };
const records: EventRecord[] = [
  {
    date: "2024-03-08",
    dateText: "on Friday",
    dateInferred: false,
    text: "The port closed on Friday.",
    citations: [citation],
  },
  { date: "2024-03", dateText: null, dateInferred: true, text: "Dockers walked out.", citations: [citation] },
  {
    date: "2024",
    dateText: "earlier this year",
    dateInferred: false,
    text: "Fees rose earlier this year.",
    citations: [citation],
  },
];

describe("timeline exports", () => {
  it("carry whether a date is inferred in the CSV", () => {
    const [header, first, second] = eventsCsv(records).trim().split("\n");
    expect(header?.split(",").at(-1)).toBe("date_inferred");
    expect(first?.endsWith(",false")).toBe(true);
    expect(second?.endsWith(",true")).toBe(true);
  });

  it("say a coarse or inferred date in TimelineJS's display date", () => {
    const shown = toTimelineJs(records, "Port").events.map((e) => e.display_date);
    expect(shown).toEqual(["on Friday", "sometime in March 2024 (date inferred)", "earlier this year"]);
  });
});

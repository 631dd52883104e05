import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dayNumber } from "../../../../src/core/analyzers/dates/calendar-day.js";
import { groupEvents } from "../../../../src/core/analyzers/dates/extract-events.js";
import { firstDay, lastDay, parsePartialDate } from "../../../../src/core/analyzers/dates/partial-date.js";
import { timelineEvents } from "../../../../src/core/analyzers/timeline/timeline-events.js";
import { loadCorpus } from "../../../../src/core/corpus/load-corpus.js";
import { PassageStore, passageText } from "../../../../src/core/index/passages.js";

const CORPUS = fileURLToPath(new URL("../../../../corpus", import.meta.url));

describe("the timeline of the bundled corpus", async () => {
  const { documents } = await loadCorpus(CORPUS);
  const store = new PassageStore(documents);
  const groups = groupEvents(timelineEvents(store.all), store.all);
  const shown = groups.map((g) => {
    const passage = store.get(g.passageIds[0] ?? -1);
    return { date: g.date, dateText: g.dateText, text: passage === undefined ? "" : passageText(passage) };
  });

  it("never goes back in time: each period ends no earlier than the previous one starts", () => {
    const dates = groups.map((g) => parsePartialDate(g.date));
    for (let i = 1; i < dates.length; i++) {
      const [a, b] = [dates[i - 1], dates[i]];
      expect(a && b && dayNumber(firstDay(a)) <= dayNumber(lastDay(b))).toBe(true);
    }
  });

  it("starts with the deportation-flights standoff of January 2025", () => {
    expect(shown[0]).toMatchObject({ date: "2025-01-27" });
    expect(shown[0]?.text).toContain("standoff between the United States and Colombia erupted");
    const firstWritten = shown.find((e) => e.dateText !== undefined);
    expect(firstWritten).toMatchObject({ date: "2025-01-27", dateText: "By Monday" });
  });

  it("puts 'Earlier in 2025' after the January and September days, bounded by its article's day", () => {
    const earlier = shown.findIndex((e) => e.dateText === "Earlier in 2025");
    expect(earlier).toBeGreaterThan(shown.findIndex((e) => e.dateText === "that very morning"));
    expect(shown[earlier + 1]).toMatchObject({ date: "2026-07" });
  });

  it("dates the September crisis to the month, decertification first", () => {
    const september = shown
      .filter((e) => e.date === "2025-09" && e.dateText !== undefined)
      .map((e) => e.dateText);
    expect(september).toEqual(["weeks before", "by the next day", "that very morning"]);
  });

  it("ends with the end of the presidential term, in July 2026", () => {
    expect(shown.at(-1)).toMatchObject({ date: "2026-07", dateText: "in July 2026" });
  });
});

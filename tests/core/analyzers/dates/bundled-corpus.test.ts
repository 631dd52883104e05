import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractEvents, groupEvents } from "../../../../src/core/analyzers/dates/extract-events.js";
import { comparePartialDates, parsePartialDate } from "../../../../src/core/analyzers/dates/partial-date.js";
import { loadCorpus } from "../../../../src/core/corpus/load-corpus.js";
import { PassageStore, passageText } from "../../../../src/core/index/passages.js";

const CORPUS = fileURLToPath(new URL("../../../../corpus", import.meta.url));

describe("the timeline of the bundled corpus", async () => {
  const { documents } = await loadCorpus(CORPUS);
  const store = new PassageStore(documents);
  const groups = groupEvents(extractEvents(store.all), store.all);
  const shown = groups.map((g) => {
    const passage = store.get(g.passageIds[0] ?? -1);
    return { date: g.date, dateText: g.dateText, text: passage === undefined ? "" : passageText(passage) };
  });

  it("runs in date order", () => {
    const dates = groups.map((g) => parsePartialDate(g.date));
    for (let i = 1; i < dates.length; i++) {
      const [a, b] = [dates[i - 1], dates[i]];
      expect(a && b && comparePartialDates(a, b) <= 0).toBe(true);
    }
  });

  it("starts with the deportation-flights standoff of January 2025", () => {
    expect(shown.slice(0, 2).map((e) => [e.date, e.dateText])).toEqual([
      ["2025", "Earlier in 2025"],
      ["2025-01-27", "By Monday"],
    ]);
    expect(shown[0]?.text).toContain("halted deportation flights");
  });

  it("dates the September crisis to the month, decertification first", () => {
    const september = shown.filter((e) => e.date === "2025-09").map((e) => e.dateText);
    expect(september).toEqual(["weeks before", "by the next day", "that very morning"]);
  });

  it("ends with the end of the presidential term, in July 2026", () => {
    expect(shown.at(-1)).toMatchObject({ date: "2026-07", dateText: "in July 2026" });
  });
});

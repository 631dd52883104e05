import { describe, expect, it } from "vitest";
import { extractEvents } from "../../../../src/core/analyzers/dates/extract-events.js";
import { inferDates } from "../../../../src/core/analyzers/timeline/inferred-dates.js";
import { makeStore } from "../dates/make-documents.js";

function inferred(paragraphs: string[], published = "2023-05-18") {
  const store = makeStore({ id: "a", published, paragraphs });
  const dated = extractEvents(store.all);
  return inferDates(store.all, dated).map((e) => ({
    id: e.passageId,
    date: e.date,
    inferred: e.dateInferred,
  }));
}

describe("inferDates", () => {
  it("dates the lede by the publication date", () => {
    expect(inferred(["Floods cut the coastal railway."])).toEqual([
      { id: 0, date: "2023-05-18", inferred: true },
    ]);
  });

  it("lets a sentence in the simple past go on from the dated sentence before it", () => {
    const events = inferred([
      "Lede.",
      "On May 3 the council met in the town hall. The mayor resigned. The session ended early.",
    ]);
    expect(events.find((e) => e.id === 2)).toMatchObject({ date: "2023-05-03", inferred: true });
    // Only the sentence right after: one further on takes the publication month.
    expect(events.find((e) => e.id === 3)).toMatchObject({ date: "2023-05" });
  });

  it("does not go on from a date that bounds a state or lies after publication", () => {
    const events = inferred(["Lede.", "Prices have risen since March 2021. The mayor resigned."]);
    expect(events.find((e) => e.id === 2)?.date).toBe("2023-05");
    const announced = inferred([
      "Lede.",
      "The firm said it would open a mill in July 2024. The mayor resigned.",
    ]);
    expect(announced.find((e) => e.id === 2)?.date).toBe("2023-05");
  });

  it("dates a reported past event by the publication month, a present perfect one by its day", () => {
    const events = inferred([
      "Lede.",
      "The carrier cancelled forty flights.",
      "The carrier has cancelled flights.",
    ]);
    expect(events.find((e) => e.id === 1)?.date).toBe("2023-05");
    expect(events.find((e) => e.id === 2)?.date).toBe("2023-05-18");
  });

  it("leaves background out and never touches a sentence with its own date", () => {
    const events = inferred(["Lede.", "The valley is a wine region.", "The bridge opened in 1932."]);
    expect(events.map((e) => e.id)).toEqual([0]);
  });
});

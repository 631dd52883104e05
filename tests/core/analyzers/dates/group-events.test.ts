import { describe, expect, it } from "vitest";
import { extractEvents, groupEvents } from "../../../../src/core/analyzers/dates/extract-events.js";
import type { DatedEvent } from "../../../../src/core/analyzers/dates/types.js";
import { makeStore } from "./make-documents.js";

describe("groupEvents: order", () => {
  const store = makeStore({ id: "a", published: "2025-09-27", paragraphs: ["x", "y", "z", "w", "v"] });
  const event = (passageId: number, date: string, estimate?: string): DatedEvent =>
    estimate === undefined ? { passageId, date } : { passageId, date, estimate };

  it("puts a coarse date after the days it holds: 'sometime in 2025' ends 2025", () => {
    const events = [
      event(0, "2025-02"),
      event(1, "2025-01-26"),
      event(2, "2025"),
      event(3, "2024-12-31"),
      event(4, "2025-02-28"),
    ];
    expect(groupEvents(events, store.all).map((g) => g.date)).toEqual([
      "2024-12-31",
      "2025-01-26",
      "2025-02-28",
      "2025-02",
      "2025",
    ]);
  });

  it("orders events of the same month by their estimate, then by document order", () => {
    const events = [
      event(0, "2025-09", "2025-09-27"),
      event(1, "2025-09", "2025-09-06"),
      event(2, "2025-09"),
    ];
    expect(groupEvents(events, store.all).map((g) => g.passageIds[0])).toEqual([2, 1, 0]);
  });
});

describe("groupEvents: the same event in two articles", () => {
  const store = makeStore(
    {
      id: "wire",
      published: "2024-04-03",
      paragraphs: [
        "On April 2, 2024, Brightwater Energy agreed to buy the Norland refinery for 1.2 billion dollars.",
        "On April 2, 2024, heavy rain flooded the Norland valley.",
      ],
    },
    {
      id: "daily",
      published: "2024-04-02",
      paragraphs: [
        "Brightwater Energy agreed on April 2, 2024 to buy the Norland refinery, paying 1.2 billion dollars.",
      ],
    },
  );
  const groups = groupEvents(extractEvents(store.all), store.all);

  it("merges two reports of one event, the earliest published first", () => {
    const deal = groups.find((g) => g.passageIds.length === 2);
    expect(deal?.passageIds).toEqual([2, 0]);
    expect(deal?.date).toBe("2024-04-02");
  });

  it("keeps apart events that only share the day and a name", () => {
    expect(groups).toHaveLength(2);
    expect(groups.some((g) => g.passageIds.length === 1 && g.passageIds[0] === 1)).toBe(true);
  });

  it("never merges two passages of one article", () => {
    const same = makeStore({
      id: "twice",
      published: "2024-04-03",
      paragraphs: [
        "On April 2, 2024, Brightwater Energy agreed to buy the Norland refinery.",
        "On April 2, 2024, Brightwater Energy agreed to buy the Norland refinery, it said.",
      ],
    });
    expect(groupEvents(extractEvents(same.all), same.all)).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import type { Item } from "../../src/core/answer.js";
import { itemView } from "../../src/present/item-view.js";

const citation = { docId: "wire", title: "Port closes", paragraph: 2 };

describe("an item's lead", () => {
  it("says a timeline's day as is, a coarse date as 'sometime in', an inferred one marked", () => {
    const lead = (item: Partial<Item>) => itemView({ text: "x", citation, lead: "date", ...item }, 1).lead;
    expect(lead({ date: "2024-03-08", dateText: "on Friday" })).toEqual({
      text: "2024-03-08",
      precision: "day",
      dateText: "on Friday",
    });
    expect(lead({ date: "2024" })?.text).toBe("sometime in 2024");
    expect(lead({ date: "2024-03", dateInferred: true })).toMatchObject({
      text: "sometime in March 2024 (inferred)",
      inferred: true,
    });
  });

  it("leads a /why cause with the passage it explains", () => {
    const cause = itemView({ text: "x", citation: { ...citation, paragraph: 3 }, explains: citation }, 2);
    expect(cause.lead).toMatchObject({ text: "↳ explains ¶2", explains: { paragraph: 2 } });
    const elsewhere = itemView(
      { text: "x", citation: { ...citation, docId: "daily" }, explains: citation },
      2,
    );
    expect(elsewhere.lead?.text).toBe("↳ explains Port closes ¶2");
  });
});

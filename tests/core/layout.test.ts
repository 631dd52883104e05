import { describe, expect, it } from "vitest";
import type { Item } from "../../src/core/answer.js";
import { itemLead } from "../../src/core/layout.js";

const citation = { docId: "wire", title: "Port closes", paragraph: 2 };
const timeline = { command: "timeline" };

describe("itemLead", () => {
  it("leads a timeline item with its day, or a coarse date as 'sometime in', inferred ones marked", () => {
    expect(itemLead(timeline, { text: "x", date: "2024-03-08", citation })).toBe("2024-03-08");
    expect(itemLead(timeline, { text: "x", date: "2024", citation })).toBe("sometime in 2024");
    const inferred: Item = { text: "x", date: "2024-03", dateInferred: true, citation };
    expect(itemLead(timeline, inferred)).toBe("sometime in March 2024 (inferred)");
  });

  it("leads a /why cause with the passage it explains", () => {
    const cause: Item = { text: "x", citation: { ...citation, paragraph: 3 }, explains: citation };
    expect(itemLead({ command: "why" }, cause)).toBe("↳ explains ¶2");
    const elsewhere: Item = { text: "x", citation: { ...citation, docId: "daily" }, explains: citation };
    expect(itemLead({ command: "why" }, elsewhere)).toBe("↳ explains Port closes ¶2");
  });
});

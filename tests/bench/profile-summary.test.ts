import { describe, expect, it } from "vitest";
import { type CpuProfile, summarizeProfile } from "../../bench/profile-summary.js";

describe("summarizeProfile", () => {
  it("adds up self time per function and per package or source folder", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(idle)", "") },
        { id: 2, callFrame: frame("search", "file:///app/node_modules/minisearch/dist/es/index.js") },
        { id: 3, callFrame: frame("answerSearch", "file:///app/src/core/answers/search.ts") },
      ],
      samples: [2, 3, 2, 1],
      timeDeltas: [3000, 1000, 3000, 1000],
    };
    const summary = summarizeProfile(profile);
    expect(summary.total).toBe(8);
    expect(summary.places.map((p) => [p.name, p.ms])).toEqual([
      ["minisearch", 6],
      ["src/core/answers", 1],
      ["(idle)", 1],
    ]);
    expect(summary.functions[0]).toMatchObject({
      name: "search node_modules/minisearch/dist/es/index.js:1",
      ms: 6,
      share: 0.75,
    });
  });
});

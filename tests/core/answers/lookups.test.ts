import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { groupsReportedBy } from "../../../src/core/answers/lookups.js";
import type { Engine } from "../../../src/core/engine.js";
import { engineFor } from "../../helpers/article-engine.js";
import { wireStories } from "../../helpers/wire-stories.js";

describe("groupsReportedBy", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(...wireStories(40));
  });

  it("gives the first groups in timeline order, each once, and how many there are, whatever the limit", () => {
    const passages = engine.passages.all.length;
    expect(engine.events.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(
        fc.array(fc.nat(passages - 1), { maxLength: 400 }),
        fc.integer({ min: 1, max: 120 }),
        (ids, limit) => {
          const all = groupsReportedBy(engine, ids);
          const first = groupsReportedBy(engine, ids, limit);
          expect(first.total).toBe(all.total);
          expect(first.groups).toEqual(all.groups.slice(0, limit));
          const order = all.groups.map((g) => engine.events.indexOf(g));
          expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });
});

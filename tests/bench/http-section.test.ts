import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../bench/corpora.js";
import { httpSection } from "../../bench/report-sections.js";
import type { SizeResult } from "../../bench/run-size.js";

// A real 19k result of this machine (2 cores) with its 2-worker cluster row.
const result = JSON.parse(
  readFileSync(join(PROJECT_ROOT, "bench", "results", "2026-12-03T1204Z-19k.json"), "utf8"),
) as SizeResult;

describe("GIVEN the HTTP section of the bench summary", () => {
  it("WHEN the cluster workers and the load generator had fewer cores than they need THEN it says the row is contention", () => {
    expect(httpSection([result])).toContain(
      "2 workers and the load generator shared 2 cores: the cluster row measures contention",
    );
  });

  it("WHEN each worker and the load generator had a core THEN it does not", () => {
    const roomy = { ...result, machine: { ...result.machine, cores: 4 } };
    expect(httpSection([roomy])).not.toContain("contention");
  });
});

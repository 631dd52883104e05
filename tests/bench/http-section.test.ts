import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../bench/corpora.js";
import { httpSection } from "../../bench/report-sections.js";
import type { SizeResult } from "../../bench/run-size.js";

// A real result of this machine (2 cores) with a 2-worker cluster row: the latest kept in bench/results.
const resultsDir = join(PROJECT_ROOT, "bench", "results");
const result = readdirSync(resultsDir)
  .filter((name) => /-19k\.json$/u.test(name))
  .sort()
  .reverse()
  .map((name) => JSON.parse(readFileSync(join(resultsDir, name), "utf8")) as SizeResult)
  .find((r) => r.http?.slackUncachedCluster?.workers === 2 && r.machine.cores === 2) as SizeResult;

describe("GIVEN the HTTP section of the bench summary", () => {
  it("has a result to render", () => {
    expect(result).toBeDefined();
  });

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

import { describe, expect, it } from "vitest";
import type { InsightsReport } from "../../src/service/insights/report.js";
import { databaseEngines } from "../helpers/databases.js";
import { runCli } from "../helpers/run-cli.js";
import { seedCorpusForSuite } from "../helpers/seed-corpus-copy.js";
import { getJson, startTestService } from "../helpers/start-test-service.js";

const engines = databaseEngines();
const corpus = seedCorpusForSuite();

describe.each(engines)("backstory insights on $name", (engine) => {
  it("GIVEN questions asked in the playground THEN the one the archive could not answer shows up in --json, with the nearest passages, and --csv lists it", async () => {
    const location = engine.location();
    const env: Record<string, string> = { DATA_DIR: location.dataDir };
    if (location.databaseUrl) env.DATABASE_URL = location.databaseUrl;
    const app = await startTestService({
      corpusDir: corpus().corpusDir,
      snapshotDir: corpus().snapshotDir,
      role: "web",
      env,
    });
    try {
      for (const q of ["/search deportaton flihgts zzyzx", "/search zzyzx deportaton flihgts", "/why visa"]) {
        expect((await getJson(`${app.url}/api/ask?q=${encodeURIComponent(q)}`)).status).toBe(200);
      }
      await app.service.insights?.flush();
    } finally {
      await app.stop();
    }

    const cli = runCli(["insights", "--since", "1d", "--json"], "", {
      ...env,
      CORPUS_DIR: corpus().corpusDir,
    });
    expect(cli.stderr).not.toMatch(/Cannot/u);
    expect(cli.code).toBe(0);
    const report = JSON.parse(cli.stdout) as InsightsReport;
    expect(report.questions).toBe(3);
    expect(report.unanswered).toHaveLength(1);
    const [gap] = report.unanswered;
    expect(gap).toMatchObject({
      topic: "deportaton flihgts zzyzx",
      asked: 2,
      foundNothing: 2,
      commands: ["search"],
    });
    expect(gap?.nearest.length).toBeGreaterThan(0);
    expect(report.helpfulByPlatform).toMatchObject([{ name: "web", questions: 3 }]);
    expect(report.volume.at(-1)?.questions).toBe(3);

    const csv = runCli(["insights", "--csv"], "", env);
    expect(csv.stdout.split("\n")[0]).toBe(
      "topic,asked,found_nothing,voted_down,commands,last_asked,nearest",
    );
    expect(csv.stdout).toContain("deportaton flihgts zzyzx,2,2,0,search,");
  });
});

describe("backstory insights arguments", () => {
  it("GIVEN --since that is not a span or a date THEN says what it takes", () => {
    const cli = runCli(["insights", "--since", "last tuesday"]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/12h, 7d, 4w/u);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import type { Answer } from "../../src/core/answer.js";
import { seedCorpusForSuite } from "../helpers/seed-corpus-copy.js";
import { getJson, startTestService } from "../helpers/start-test-service.js";

const corpus = seedCorpusForSuite();

async function withService(
  env: Record<string, string>,
  check: (url: string, app: Awaited<ReturnType<typeof startTestService>>) => Promise<void>,
) {
  // A database of its own: every case starts empty.
  const dataDir = mkdtempSync(join(tmpdir(), "backstory-insights-"));
  const app = await startTestService({
    corpusDir: corpus().corpusDir,
    snapshotDir: corpus().snapshotDir,
    role: "web",
    env: { DATA_DIR: dataDir, ...env },
  });
  try {
    await check(app.url, app);
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe("the insights in the service", () => {
  it("GIVEN the defaults THEN each answer carries a signed id, its question is stored, and /metrics counts the write", async () => {
    await withService({}, async (url, app) => {
      const { body } = await getJson<Answer>(`${url}/api/ask?q=${encodeURIComponent("/why visa")}`);
      expect(body.answerId).toMatch(/^[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{16}$/u);
      // Not questions to the archive: never stored.
      for (const q of ["/help", "/follow visa"]) await getJson(`${url}/api/ask?q=${encodeURIComponent(q)}`);
      await app.service.insights?.flush();
      expect(await app.service.store?.query("SELECT command, platform FROM insights_questions")).toEqual([
        { command: "why", platform: "web" },
      ]);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/backstory_insights_writes_total\{result="ok"\} [1-9]/u);
    });
  });

  it("GIVEN INSIGHTS=off THEN answers carry no id, nothing is stored, and votes are refused", async () => {
    await withService({ INSIGHTS: "off" }, async (url, app) => {
      const { body } = await getJson<Answer>(`${url}/api/ask?q=${encodeURIComponent("/why visa")}`);
      expect(body.answerId).toBeUndefined();
      expect(app.service.insights).toBeUndefined();
      expect(await app.service.store?.query("SELECT COUNT(*) AS n FROM insights_questions")).toEqual([
        { n: 0 },
      ]);
      const vote = await fetch(`${url}/api/vote?answer=AAAAAAAAAAAA.AAAAAAAAAAAAAAAA&helpful=false`, {
        method: "POST",
      });
      expect(vote.status).toBe(404);
    });
  });

  it("GIVEN a database that cannot be reached THEN questions are still answered, without vote buttons", async () => {
    await withService({ DATABASE_URL: "postgres://backstory@127.0.0.1:1/backstory" }, async (url, app) => {
      const { status, body } = await getJson<Answer>(`${url}/api/ask?q=${encodeURIComponent("/why visa")}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeGreaterThan(0);
      expect(body.answerId).toBeUndefined();
      expect(app.service.store).toBeUndefined();
    });
  });
});

describe("the insights configuration", () => {
  it("GIVEN nothing set THEN insights are on, kept 180 days, with a generated key and no admin page", () => {
    const config = loadConfig({});
    expect(config.insights).toEqual({ enabled: true, retentionDays: 180 });
    expect(config.adminToken).toBeUndefined();
  });

  it("GIVEN malformed values THEN each is named, and no secret is echoed", () => {
    const problems = (() => {
      try {
        loadConfig({
          INSIGHTS: "maybe",
          INSIGHTS_RETENTION_DAYS: "0",
          INSIGHTS_SECRET: "short-secret",
          ADMIN_TOKEN: "tiny-token",
        });
      } catch (error) {
        return error instanceof ConfigError ? error.message : String(error);
      }
      return "";
    })();
    expect(problems).toMatch(/INSIGHTS /u);
    expect(problems).toMatch(/INSIGHTS_RETENTION_DAYS must be a whole number from 1/u);
    expect(problems).toMatch(/INSIGHTS_SECRET must be at least 32 characters/u);
    expect(problems).toMatch(/ADMIN_TOKEN must be at least 16 characters/u);
    expect(problems).not.toContain("short-secret");
    expect(problems).not.toContain("tiny-token");
  });
});

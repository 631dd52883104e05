import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger.js";
import { FailureLog } from "../../../src/service/insights/failure-log.js";
import { startInsights } from "../../../src/service/insights/insights.js";
import { insightsKeys } from "../../../src/service/insights/insights-keys.js";
import { WriteQueue } from "../../../src/service/insights/write-queue.js";
import { insightsRepository } from "../../../src/store/insights/insights-repository.js";
import type { QuestionRecord } from "../../../src/store/insights/records.js";
import { migrate } from "../../../src/store/migrate.js";
import { MIGRATIONS } from "../../../src/store/migrations/index.js";
import { databaseEngines } from "../../helpers/databases.js";
import { startInsightsStand } from "../../helpers/insights.js";
import { memoryLogger } from "../../helpers/memory-logger.js";

const [sqlite] = databaseEngines();
const engine = () => {
  if (!sqlite) throw new Error("no SQLite engine");
  return sqlite;
};
const DAY = 24 * 60 * 60 * 1000;

describe("GIVEN the database goes down", () => {
  it("WHEN questions are asked THEN they are answered, and the failed writes are counted for /metrics", async () => {
    const stand = await startInsightsStand(engine());
    await stand.db.close();
    for (let i = 0; i < 3; i++) {
      const answer = await stand.asker.ask({
        command: "why",
        args: { topic: "visa" },
        platform: "slack",
        user: "U1",
      });
      expect(answer.items.length).toBeGreaterThan(0);
    }
    await stand.insights.flush();
    expect(stand.metrics.registry.render()).toContain('backstory_insights_writes_total{result="failed"} 3');
    const answer = await stand.asker.ask({
      command: "why",
      args: { topic: "visa" },
      platform: "slack",
      user: "U1",
    });
    expect(await stand.insights.vote(answer.answerId ?? "", { platform: "slack", user: "U1" }, true)).toBe(
      "unavailable",
    );
  });

  it("WHEN writes keep failing THEN the log says so at most once a minute, with the count", () => {
    const log = memoryLogger();
    let now = 0;
    const failures = new FailureLog(log.logger, 60_000, () => now);
    for (let i = 0; i < 100; i++) {
      failures.failed("write failed");
      now += 1000;
    }
    const lines = log.lines().filter((line) => String(line.msg).startsWith("insights:"));
    expect(lines.map((line) => line.failures)).toEqual([1, 60]);
  });

  it("WHEN the database is too slow THEN the queue keeps at most its capacity and drops the rest", async () => {
    const results: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const queue = new WriteQueue<number>({
      capacity: 2,
      writeBatch: () => held,
      onResult: (result) => results.push(result),
    });
    const accepted = [1, 2, 3].map((n) => queue.push(n));
    await new Promise((resolve) => setImmediate(resolve));
    // The first two are being written (held): still counted against the capacity.
    accepted.push(queue.push(4));
    expect(accepted).toEqual([true, true, false, false]);
    release();
    await queue.flush();
    expect(results.sort()).toEqual(["dropped", "dropped", "ok", "ok"]);
  });

  it("WHEN one record of a batch cannot be stored THEN only that one fails and the others are stored", async () => {
    const stored: number[] = [];
    const results: string[] = [];
    const queue = new WriteQueue<number>({
      capacity: 10,
      writeBatch: async (records) => {
        if (records.includes(3)) throw new Error("constraint failed");
        stored.push(...records);
      },
      onResult: (result) => results.push(result),
    });
    for (const n of [1, 2, 3, 4]) queue.push(n);
    await queue.flush();
    expect(stored.sort()).toEqual([1, 2, 4]);
    expect(results.sort()).toEqual(["failed", "ok", "ok", "ok"]);
  });
});

describe("GIVEN questions answered in quick succession", () => {
  it("WHEN they are recorded THEN nothing is written before the answers go out, and then in one batch", async () => {
    const batches: number[][] = [];
    const queue = new WriteQueue<number>({
      capacity: 100,
      writeBatch: async (records) => {
        batches.push([...records]);
      },
      onResult: () => {},
    });
    for (const n of [1, 2, 3]) queue.push(n);
    expect(batches).toEqual([]);
    expect(queue.size).toBe(3);
    await queue.flush();
    expect(batches).toEqual([[1, 2, 3]]);
    expect(queue.size).toBe(0);
  });

  it("WHEN they come in separate turns within the gathering time THEN they still share one batch", async () => {
    const batches: number[][] = [];
    const queue = new WriteQueue<number>({
      capacity: 100,
      gatherMs: 40,
      writeBatch: async (records) => {
        batches.push([...records]);
      },
      onResult: () => {},
    });
    queue.push(1);
    await new Promise((resolve) => setImmediate(resolve));
    queue.push(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    queue.push(3);
    expect(batches).toEqual([]);
    await queue.flush();
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("WHEN someone waits on them (a vote) or a batch fills up THEN they are written without waiting out the gathering time", async () => {
    const batches: number[][] = [];
    const queue = new WriteQueue<number>({
      capacity: 100,
      maxBatch: 3,
      gatherMs: 60_000,
      writeBatch: async (records) => {
        batches.push([...records]);
      },
      onResult: () => {},
    });
    queue.push(1);
    const started = performance.now();
    await queue.flush();
    expect(batches).toEqual([[1]]);
    for (const n of [2, 3, 4]) queue.push(n);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("WHEN more are queued than a batch holds THEN they are written in batches of at most that many", async () => {
    const batches: number[] = [];
    const queue = new WriteQueue<number>({
      capacity: 100,
      maxBatch: 4,
      writeBatch: async (records) => {
        batches.push(records.length);
      },
      onResult: () => {},
    });
    for (let n = 0; n < 10; n++) queue.push(n);
    await queue.flush();
    expect(batches).toEqual([4, 4, 2]);
  });

  it("WHEN they go through the service THEN every one is stored, on both engines' shared SQL", async () => {
    const stand = await startInsightsStand(engine());
    const asked = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        stand.asker.ask({ command: "why", args: { topic: "visa" }, platform: "slack", user: `U${i}` }),
      ),
    );
    const stored = await stand.stored();
    expect(stored).toHaveLength(25);
    expect(new Set(stored.map((q) => q.id))).toEqual(
      new Set(asked.map((answer) => (answer.answerId ?? "").split(".")[0])),
    );
    expect(stand.metrics.registry.render()).toContain('backstory_insights_writes_total{result="ok"} 26');
  });
});

describe("GIVEN a retention of 30 days", () => {
  it("WHEN the purge runs THEN older questions go with their votes and newer ones stay", async () => {
    let now = 100 * DAY;
    const stand = await startInsightsStand(engine(), { retentionDays: 30, now: () => now });
    await stand.repository.recordQuestion({
      id: "old",
      askedAt: now - 31 * DAY,
      platform: "web",
      command: "why",
      args: {},
      items: 0,
      latencyMs: 1,
      citations: [],
    });
    await stand.asker.ask({ command: "why", args: { topic: "visa" }, platform: "web", user: "ip:1" });
    await stand.insights.flush();
    now += 1;
    expect(await stand.insights.purge()).toBe(1);
    expect((await stand.stored()).map((q) => q.command)).toEqual(["why"]);
  });
});

describe("GIVEN the insights keys", () => {
  const keys = insightsKeys("k".repeat(40));
  it("THEN a user's key is stable, one-way and differs by platform", () => {
    expect(keys.userKey("discord", "42")).toBe(keys.userKey("discord", "42"));
    expect(keys.userKey("discord", "42")).not.toBe(keys.userKey("slack", "42"));
    expect(keys.userKey("discord", "42")).not.toContain("42");
  });

  it("THEN an answer id verifies under its own secret only", () => {
    const id = keys.newAnswerId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{16}$/u);
    expect(keys.questionIdOf(id)).toBe(id.split(".")[0]);
    expect(insightsKeys("j".repeat(40)).questionIdOf(id)).toBeUndefined();
  });
});

describe("GIVEN two processes sharing the database (web and worker)", () => {
  it("WHEN a vote reaches one before the other has stored the question THEN it still counts", async () => {
    const db = engine().open();
    await migrate(db, MIGRATIONS);
    const repository = insightsRepository(db);
    const common = { retentionDays: 180, logger: silentLogger, onWrite: () => {}, purgeEveryMs: 0 };
    // The answering process writes its question 150 ms late (a busy database).
    const slowWrites = {
      ...repository,
      recordQuestions: async (questions: readonly QuestionRecord[]) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await repository.recordQuestions(questions);
      },
    };
    const web = await startInsights({ ...common, repository: slowWrites });
    const worker = await startInsights({ ...common, repository });
    const answer = web.answered(
      { command: "why", args: { topic: "visa" }, platform: "discord", user: "1" },
      { command: "why", query: "visa", title: "Why: visa", items: [], args: { topic: "visa" } },
      3,
    );
    expect(await worker.vote(answer.answerId ?? "", { platform: "discord", user: "2" }, false)).toBe("noted");
    expect(await repository.questionsSince(0)).toMatchObject([{ notHelpful: 1 }]);
    await Promise.all([web.stop(), worker.stop()]);
  });
});

import { describe, expect, it } from "vitest";
import { type SpawnedEntry, spawnEntry } from "../helpers/spawn-entry.js";

const ENV = { HOST: "127.0.0.1", PORT: "0", WATCH_CORPUS: "false", WEB_CONCURRENCY: "2" };

const readyPids = (entry: SpawnedEntry) =>
  entry.lines.filter((l) => l.msg === "web worker ready").map((l) => Number(l.worker));

async function ask(url: string, question: string): Promise<{ status: number; items: unknown[] }> {
  const response = await fetch(`${url}/api/ask?q=${encodeURIComponent(question)}`, {
    signal: AbortSignal.timeout(20_000),
  });
  const body = (await response.json()) as { items?: unknown[] };
  return { status: response.status, items: body.items ?? [] };
}

describe("the web role as a cluster (WEB_CONCURRENCY=2, child processes)", () => {
  it("GIVEN two workers THEN both answer on one port, a killed worker is replaced, and SIGTERM drains every worker", async () => {
    const entry = await spawnEntry("tests/entry/fixtures/slow-web-cluster.ts", {
      ...ENV,
      TEST_ANSWER_DELAY_MS: "1500",
    });
    try {
      await entry.waitForLine((l) => String(l.msg).startsWith("Backstory web cluster is ready"), 60_000);
      const first = readyPids(entry);
      expect(new Set(first).size).toBe(2);
      const url = String(entry.lines.find((l) => String(l.msg).startsWith("Backstory is ready"))?.url);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const answered = await ask(url, "/search visa");
      expect(answered.status).toBe(200);
      expect(answered.items.length).toBeGreaterThan(0);

      process.kill(first[0] as number, "SIGKILL");
      await entry.waitForLine((l) => l.msg === "web worker stopped; starting another");
      await entry.waitForLine(() => readyPids(entry).length === 3, 60_000);
      const replacement = readyPids(entry)[2] as number;
      expect(first).not.toContain(replacement);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      // Questions on separate connections, so both workers have answers in flight.
      const questions = ["/quote petro", "/why visa", "/timeline petro", "/search tariff"].map((q) =>
        ask(url, q),
      );
      await entry.waitForLine(() => entry.lines.filter((l) => l.msg === "slow answer started").length >= 5);
      const busy = new Set(
        entry.lines
          .filter((l) => l.msg === "slow answer started")
          .slice(1)
          .map((l) => l.pid),
      );
      entry.child.kill("SIGTERM");
      const answers = await Promise.all(questions);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(answers.every((a) => a.items.length > 0)).toBe(true);
      expect(await entry.exited).toBe(0);
      expect(busy.size).toBe(2);
      expect(entry.lines.filter((l) => l.msg === "stopped cleanly")).toHaveLength(2);
      expect(entry.lines.at(-1)).toMatchObject({ msg: "every web worker stopped cleanly", clean: true });
    } finally {
      if (entry.child.exitCode === null) entry.child.kill("SIGKILL");
    }
  }, 120_000);
});

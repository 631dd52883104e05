import { describe, expect, it } from "vitest";
import { spawnEntry } from "../helpers/spawn-entry.js";

const ENV = { HOST: "127.0.0.1", PORT: "0", WATCH_CORPUS: "false" };

async function startSlowWeb(env: Record<string, string>) {
  const entry = await spawnEntry("tests/entry/fixtures/slow-web.ts", { ...ENV, ...env });
  const ready = await entry.waitForLine((l) => String(l.msg).startsWith("Backstory is ready"));
  return { entry, url: String(ready.url) };
}

async function answersStarted(entry: Awaited<ReturnType<typeof spawnEntry>>, count: number): Promise<void> {
  await entry.waitForLine(() => entry.lines.filter((l) => l.msg === "slow answer started").length >= count);
}

describe("graceful shutdown on SIGTERM (child process)", () => {
  it("GIVEN answers in flight THEN stops accepting, finishes them, and exits 0", async () => {
    const { entry, url } = await startSlowWeb({ TEST_ANSWER_DELAY_MS: "1500" });
    const questions = ["/quote petro", "/why visa", "/timeline"].map((q) =>
      fetch(`${url}/api/ask?q=${encodeURIComponent(q)}`, { signal: AbortSignal.timeout(10_000) }),
    );
    await answersStarted(entry, 3);
    entry.child.kill("SIGTERM");
    const shutting = await entry.waitForLine((l) => l.msg === "shutting down: finishing what is in flight");
    expect(shutting.answersInFlight).toBe(3);

    await expect(fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    const responses = await Promise.all(questions);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const answers = await Promise.all(responses.map((r) => r.json() as Promise<{ items: unknown[] }>));
    expect(answers.every((a) => a.items.length > 0)).toBe(true);
    expect(await entry.exited).toBe(0);
    expect(entry.lines.at(-1)).toMatchObject({ msg: "stopped cleanly", drained: true });
  });

  it("GIVEN an answer slower than the grace period THEN exits anyway, with exit 1, when the bound is reached", async () => {
    const { entry, url } = await startSlowWeb({ TEST_ANSWER_DELAY_MS: "20000", SHUTDOWN_GRACE_SECONDS: "1" });
    const slow = fetch(`${url}/api/ask?q=/help`, { signal: AbortSignal.timeout(15_000) }).catch(
      (e: Error) => e,
    );
    await answersStarted(entry, 1);
    const signalled = Date.now();
    entry.child.kill("SIGTERM");
    expect(await entry.exited).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(8_000);
    expect(entry.lines.some((l) => l.msg === "stopped with work still in flight")).toBe(true);
    expect(await slow).toBeInstanceOf(Error);
  });
});

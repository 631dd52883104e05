import { describe, expect, it } from "vitest";
import { isConnectionError } from "../../src/entry/process-guards.js";
import { spawnEntry } from "../helpers/spawn-entry.js";

const ENV = { HOST: "127.0.0.1", PORT: "0", WATCH_CORPUS: "false" };

async function startFaultyWeb(fault: string) {
  const entry = await spawnEntry("tests/entry/fixtures/faulty-web.ts", { ...ENV, TEST_FAULT: fault });
  const ready = await entry.waitForLine((l) => String(l.msg).startsWith("Backstory is ready"), 60_000);
  return { entry, url: String(ready.url) };
}

describe("the process-wide guard against errors no handler caught", () => {
  it("GIVEN errors of one connection THEN they are told apart from bugs", () => {
    expect(isConnectionError(Object.assign(new Error("x"), { code: "EPIPE" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("x"), { code: "ERR_STREAM_DESTROYED" }))).toBe(true);
    expect(isConnectionError(new TypeError("x"))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
    expect(isConnectionError("ECONNRESET")).toBe(false);
  });

  it.each([
    ["a promise rejected and never awaited", "rejection", "unhandled rejection (serving goes on)"],
    [
      "a connection error thrown outside any handler",
      "connection",
      "uncaught connection error (serving goes on)",
    ],
  ])("WHEN %s THEN it is logged and the process keeps serving", async (_what, fault, message) => {
    const { entry, url } = await startFaultyWeb(fault);
    try {
      await entry.waitForLine((l) => l.msg === message);
      const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      expect(health.status).toBe(200);
      expect(entry.child.exitCode).toBeNull();
    } finally {
      entry.child.kill("SIGTERM");
      await entry.exited;
    }
  });

  it("WHEN any other exception escapes THEN it is logged as fatal, the service drains, and the process exits 1 for its supervisor", async () => {
    const { entry } = await startFaultyWeb("bug");
    expect(await entry.exited).toBe(1);
    const fatal = entry.lines.find((l) => l.msg === "uncaught exception: shutting down for a restart");
    expect(fatal).toMatchObject({ level: 60, err: { type: "TypeError" } });
    expect(entry.lines.some((l) => l.msg === "shutting down: finishing what is in flight")).toBe(true);
  });
});

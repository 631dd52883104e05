import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordFigures, Tally } from "../helpers/reliability/figures.js";
import {
  CRASHING_TARGETS,
  type MalformedRequest,
  malformedRequests,
} from "../helpers/reliability/malformed-requests.js";
import { exchangeRaw, type SocketOutcome } from "../helpers/reliability/raw-socket.js";
import { type SpawnedEntry, spawnEntry } from "../helpers/spawn-entry.js";

const CASES = 3000;
const CONCURRENCY = 16;
const FIGURES = "malformed-requests";

let entry: SpawnedEntry;
let url: string;
let port: number;

beforeAll(async () => {
  // The limit off: generated requests include well-formed questions, which would spend the one client's
  // allowance before the final check asks its own.
  entry = await spawnEntry("src/entry/web.ts", {
    HOST: "127.0.0.1",
    PORT: "0",
    WATCH_CORPUS: "false",
    RATE_LIMIT_PER_MINUTE: "0",
  });
  const ready = await entry.waitForLine((l) => String(l.msg).startsWith("Backstory is ready"), 60_000);
  url = String(ready.url);
  port = Number(new URL(url).port);
});
afterAll(async () => {
  entry?.child.kill("SIGTERM");
  await entry?.exited;
});

async function sendAll(requests: readonly MalformedRequest[]): Promise<SocketOutcome[]> {
  const outcomes: SocketOutcome[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const at = next++;
      outcomes[at] = await exchangeRaw(port, (requests[at] as MalformedRequest).bytes);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

function stillAlive(): void {
  expect(entry.child.exitCode, `the service exited; stderr: ${entry.stderr().slice(0, 2000)}`).toBeNull();
  expect(entry.lines.filter((l) => Number(l.level) >= 60)).toEqual([]);
}

describe("GIVEN the web process running on 127.0.0.1 (a child process)", () => {
  it.each(CRASHING_TARGETS)(
    "WHEN the request target is $target THEN it answers $status and keeps serving",
    async ({ target, status }) => {
      const outcome = await exchangeRaw(
        port,
        Buffer.from(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, "latin1"),
        { halfClose: false },
      );
      expect(outcome).toEqual({ kind: "answered", status });
      const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      expect(health.status).toBe(200);
      stillAlive();
    },
  );

  it(`WHEN ${CASES} generated malformed request lines, targets, headers and noise arrive over raw sockets THEN none gets a 5xx or hangs, and it still answers afterwards`, async () => {
    const seed = Date.now() % 2 ** 31;
    const requests = fc.sample(malformedRequests, { numRuns: CASES, seed });
    const started = performance.now();
    const outcomes = await sendAll(requests);
    const ms = Math.round(performance.now() - started);

    const tally = new Tally();
    const kinds = new Tally();
    const failures: string[] = [];
    outcomes.forEach((outcome, i) => {
      const request = requests[i] as MalformedRequest;
      const result = outcome.kind === "answered" ? String(outcome.status) : outcome.kind;
      tally.add(result);
      kinds.add(request.kind);
      if (outcome.kind === "timed_out" || (outcome.kind === "answered" && outcome.status >= 500)) {
        failures.push(
          `${request.kind} → ${result}: ${JSON.stringify(request.bytes.subarray(0, 200).toString("latin1"))}`,
        );
      }
    });
    expect(failures, `seed ${seed}`).toEqual([]);
    stillAlive();
    const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
    const answer = await fetch(`${url}/api/ask?q=${encodeURIComponent("/quote petro")}`, {
      signal: AbortSignal.timeout(10_000),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    recordFigures(FIGURES, "generated", {
      seed,
      cases: CASES,
      ms,
      outcomes: tally.counts,
      kinds: kinds.counts,
    });
  }, 120_000);
});

import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { BackstoryError } from "../../src/core/errors.js";
import type { Invocation } from "../../src/core/invocation.js";
import { createLogger } from "../../src/logger.js";
import type { Asker } from "../../src/service/asker.js";
import { createServiceMetrics } from "../../src/service/metrics/service-metrics.js";
import { RateLimitedError } from "../../src/service/rate-limited-error.js";
import { TokenBucketLimiter } from "../../src/service/rate-limiter.js";
import { withRequestId } from "../../src/service/request-context.js";
import { createServiceAsker } from "../../src/service/service-asker.js";
import { seedAsker } from "../helpers/seed-engine.js";

function captured() {
  const lines: Record<string, unknown>[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { lines, logger: createLogger({ level: "info", destination: stream }) };
}

function wrap(inner: Asker, perMinute = 60, burst = 5) {
  const metrics = createServiceMetrics();
  const log = captured();
  const asker = createServiceAsker(inner, {
    limiter: new TokenBucketLimiter({ perMinute, burst }),
    perMinute,
    metrics,
    logger: log.logger,
  });
  return { asker, metrics, lines: log.lines };
}

const quotePetro: Invocation = {
  command: "quote",
  args: { speaker: "petro" },
  platform: "slack",
  user: "U123",
};

/** An asker whose answers wait until released. */
function gatedAsker(): { asker: Asker; release: () => void } {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const answer: Answer = { command: "help", query: "", title: "t", items: [] };
  return { asker: { ask: async () => gate.then(() => answer), complete: () => [] }, release };
}

describe("createServiceAsker", () => {
  it("GIVEN a question THEN answers, counts it and logs request id, command, platform and latency", async () => {
    const { asker, metrics, lines } = wrap(await seedAsker());
    const answer = await withRequestId("req-42", () => asker.ask(quotePetro));
    expect(answer.items.length).toBeGreaterThan(0);
    expect(metrics.requests.get({ command: "quote", platform: "slack", outcome: "ok" })).toBe(1);
    expect(metrics.latency.count({ command: "quote", platform: "slack" })).toBe(1);
    const line = lines.find((l) => l.msg === "answered");
    expect(line).toMatchObject({ requestId: "req-42", command: "quote", platform: "slack" });
    expect(typeof line?.latencyMs).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("U123");
  });

  it("GIVEN a user over the limit THEN refuses politely at once, with when to retry", async () => {
    const { asker, metrics } = wrap(await seedAsker(), 30, 2);
    await asker.ask(quotePetro);
    await asker.ask(quotePetro);
    const refusal = await asker.ask(quotePetro).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    const error = refusal as RateLimitedError;
    expect(error.code).toBe("rate_limited");
    expect(error.userMessage).toMatch(/Please try again in 2 seconds\./u);
    expect(error.retryAfterSeconds).toBe(2);
    expect(metrics.rateLimited.get({ platform: "slack" })).toBe(1);
    // Someone else is not held back.
    await expect(asker.ask({ ...quotePetro, user: "U999" })).resolves.toBeDefined();
  });

  it("GIVEN a bad question THEN rejects with the core's BackstoryError and counts its code", async () => {
    const { asker, metrics } = wrap(await seedAsker());
    const error = await asker.ask({ command: "quote", args: {}, platform: "web" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackstoryError);
    expect((error as BackstoryError).code).toBe("missing_option");
    expect(metrics.requests.get({ command: "quote", platform: "web", outcome: "missing_option" })).toBe(1);
  });

  it("GIVEN an unexpected failure THEN rejects with an internal BackstoryError and logs the cause", async () => {
    const failing: Asker = {
      ask: async () => {
        throw new Error("disk on fire");
      },
      complete: () => [],
    };
    const { asker, lines } = wrap(failing);
    const error = await asker.ask(quotePetro).catch((e: unknown) => e);
    expect((error as BackstoryError).code).toBe("internal");
    expect((error as BackstoryError).userMessage).not.toContain("disk");
    expect(JSON.stringify(lines.find((l) => l.msg === "answer failed"))).toContain("disk on fire");
  });

  it("GIVEN answers in flight THEN idle() waits for them, and after drain() new questions are refused", async () => {
    const gated = gatedAsker();
    const { asker } = wrap(gated.asker);
    const pending = asker.ask(quotePetro);
    expect(asker.inFlight).toBe(1);
    let idle = false;
    const waiting = asker.idle().then(() => {
      idle = true;
    });
    asker.drain();
    const refused = await asker.ask(quotePetro).catch((e: unknown) => e);
    expect((refused as BackstoryError).code).toBe("index_not_ready");
    expect(idle).toBe(false);
    gated.release();
    await pending;
    await waiting;
    expect(idle).toBe(true);
    expect(asker.inFlight).toBe(0);
  });

  it("GIVEN the index is not loaded THEN completion suggests nothing instead of failing", () => {
    const notReady: Asker = {
      ask: async () => {
        throw new BackstoryError("index_not_ready", "loading");
      },
      complete: () => {
        throw new BackstoryError("index_not_ready", "loading");
      },
    };
    expect(wrap(notReady).asker.complete("speakers", "pe")).toEqual([]);
  });
});

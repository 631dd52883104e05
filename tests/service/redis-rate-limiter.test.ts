import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedisTokenBucketLimiter } from "../../src/service/redis-rate-limiter.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { runsWithServers } from "../helpers/system-servers.js";
import { until } from "../helpers/until.js";

let redis: TestRedis;
const opened: RedisTokenBucketLimiter[] = [];
let keyCount = 0;

// A generous timeout: on a loaded machine a slow answer would otherwise fail open and read as "allowed".
function limiter(perMinute: number, burst: number, onStoreError?: () => void, commandTimeoutMs = 2000) {
  const log = memoryLogger();
  const created = new RedisTokenBucketLimiter({
    url: redis.url,
    perMinute,
    burst,
    commandTimeoutMs,
    logger: log.logger,
    ...(onStoreError ? { onStoreError } : {}),
  });
  opened.push(created);
  return { limiter: created, log };
}

// Every test its own user: buckets outlive a test in the shared server.
const freshKey = () => `slack:U${++keyCount}`;

const runs = runsWithServers("the Redis rate limiter", "redis-server");

beforeAll(async () => {
  if (!runs) return;
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
});
afterAll(async () => {
  await redis?.stop();
});

describe.runIf(runs)("RedisTokenBucketLimiter against a real redis-server", () => {
  it("GIVEN a fresh user THEN allows the burst, then refuses with the wait until the next token", async () => {
    const { limiter: shared } = limiter(6, 3);
    const key = freshKey();
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await shared.take(key));
    expect(decisions.slice(0, 3).every((d) => d.allowed)).toBe(true);
    const refused = decisions[3];
    expect(refused?.allowed).toBe(false);
    // 6 a minute: one token every 10 s, and the bucket was just emptied.
    expect(refused && !refused.allowed && refused.retryAfterMs).toBeGreaterThan(9_000);
    expect(refused && !refused.allowed && refused.retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it("GIVEN two replicas (two connections) racing for one user THEN exactly the burst is allowed in all", async () => {
    const a = limiter(1, 5).limiter;
    const b = limiter(1, 5).limiter;
    const key = freshKey();
    const decisions = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).take(key)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it("GIVEN time passing THEN the shared bucket refills at perMinute, on Redis's clock", async () => {
    const { limiter: shared } = limiter(600, 1); // a token every 100 ms
    const key = freshKey();
    expect((await shared.take(key)).allowed).toBe(true);
    expect((await shared.take(key)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await shared.take(key)).allowed).toBe(true);
  });

  it("GIVEN different users THEN each has a bucket of their own", async () => {
    const { limiter: shared } = limiter(1, 1);
    const [first, second] = [freshKey(), freshKey()];
    expect((await shared.take(first)).allowed).toBe(true);
    expect((await shared.take(first)).allowed).toBe(false);
    expect((await shared.take(second)).allowed).toBe(true);
  });

  it("GIVEN Redis going down THEN requests are let through, counted, logged once; back up THEN the limit holds again", async () => {
    let storeErrors = 0;
    const { limiter: shared, log } = limiter(1, 1, () => storeErrors++, 300);
    const key = freshKey();
    expect((await shared.take(key)).allowed).toBe(true);
    expect((await shared.take(key)).allowed).toBe(false);

    await redis.stop();
    const whileDown = [];
    for (let i = 0; i < 5; i++) whileDown.push(await shared.take(key));
    expect(whileDown.every((d) => d.allowed)).toBe(true);
    expect(storeErrors).toBe(5);
    const warnings = log.lines().filter((l) => String(l.msg).includes("fail open"));
    expect(warnings).toHaveLength(1);

    await redis.restart();
    // The server came back empty (no persistence): the first take fills a new bucket.
    await until(async () => (await shared.take(key)).allowed === false, { withinMs: 10_000, everyMs: 100 });
  });
});

import { describe, expect, it } from "vitest";
import { TokenBucketLimiter } from "../../src/service/rate-limiter.js";

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("TokenBucketLimiter", () => {
  it("GIVEN a fresh user THEN allows a burst, then refuses with the wait until the next token", () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({ perMinute: 6, burst: 3, now: time.now });
    expect([1, 2, 3].map(() => limiter.take("u").allowed)).toEqual([true, true, true]);
    expect(limiter.take("u")).toEqual({ allowed: false, retryAfterMs: 10_000 });
  });

  it("GIVEN time passing THEN refills at perMinute and never above the burst", () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 2, now: time.now });
    limiter.take("u");
    limiter.take("u");
    expect(limiter.take("u").allowed).toBe(false);
    time.advance(1000);
    expect(limiter.take("u").allowed).toBe(true);
    time.advance(60_000);
    expect([limiter.take("u"), limiter.take("u"), limiter.take("u")].map((r) => r.allowed)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("GIVEN two users THEN each has their own bucket", () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, burst: 1, now: clock().now });
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
  });

  it("GIVEN perMinute 0 THEN the limit is off", () => {
    const limiter = new TokenBucketLimiter({ perMinute: 0, burst: 1 });
    expect(limiter.disabled).toBe(true);
    expect(Array.from({ length: 100 }, () => limiter.take("u").allowed).every(Boolean)).toBe(true);
  });

  it("GIVEN a flood of distinct ids THEN memory stays bounded by maxKeys", () => {
    const limiter = new TokenBucketLimiter({ perMinute: 10, burst: 1, maxKeys: 100, now: clock().now });
    for (let i = 0; i < 10_000; i++) limiter.take(`user-${i}`);
    expect(limiter.size).toBe(100);
  });
});

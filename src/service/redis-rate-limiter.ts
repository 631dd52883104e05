import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { RateLimiter } from "./rate-limit.js";
import type { RateLimitOptions, TakeResult } from "./rate-limiter.js";

/** Options of the Redis token bucket. */
export interface RedisRateLimitOptions extends Pick<RateLimitOptions, "perMinute" | "burst"> {
  /** `redis://…` or `rediss://…` (REDIS_URL). */
  url: string;
  logger: Logger;
  /** Called each time Redis could not decide and the request was let through. */
  onStoreError?: () => void;
  /** How long a decision may wait for Redis before failing open (default 250 ms). */
  commandTimeoutMs?: number;
  /** Key prefix, so several apps can share one Redis (default `backstory:ratelimit:`). */
  prefix?: string;
}

// One atomic step on Redis's own clock (replicas' clocks may disagree): refill the
// bucket for the time elapsed, spend a token if there is one, store, and let an idle
// bucket expire once it would be full again (an absent bucket is a full one).
// Returns {allowed (1 or 0), milliseconds until the next token when refused}.
const TAKE_SCRIPT = `
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local per_ms = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local ttl_ms = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1])
local updated = tonumber(state[2])
if tokens == nil or updated == nil then
  tokens = burst
  updated = now
end
tokens = math.min(burst, tokens + math.max(0, now - updated) * per_ms)
local allowed = 0
local retry_ms = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry_ms = math.ceil((1 - tokens) / per_ms)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', now)
redis.call('PEXPIRE', KEYS[1], ttl_ms)
return {allowed, retry_ms}
`;

// Redis down must not page anyone every request: one line a minute says it still is.
const LOG_EVERY_MS = 60_000;

type WithTake = Redis & {
  takeToken(key: string, perMs: string, burst: number, ttlMs: number): Promise<[number, number]>;
};

/**
 * The token bucket shared by every replica and shard through Redis (REDIS_URL):
 * the same rule as the in-process TokenBucketLimiter, decided in one Lua script so
 * two replicas can never both spend the last token. When Redis cannot answer within
 * the timeout (down, unreachable, slow), the request is let through (fail open:
 * answering is the product, the limit a courtesy), `onStoreError` counts it and a
 * warning is logged at most once a minute.
 */
export class RedisTokenBucketLimiter implements RateLimiter {
  readonly store = "redis" as const;
  private readonly redis: WithTake;
  private readonly perMs: number;
  private readonly burst: number;
  private readonly ttlMs: number;
  private readonly prefix: string;
  private lastWarnedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: RedisRateLimitOptions) {
    this.perMs = options.perMinute / 60_000;
    this.burst = Math.max(1, options.burst);
    this.ttlMs = this.perMs === 0 ? 1 : Math.ceil(this.burst / this.perMs) + 1000;
    this.prefix = options.prefix ?? "backstory:ratelimit:";
    const timeout = options.commandTimeoutMs ?? 250;
    const redis = new Redis(options.url, {
      // A decision waits for a (re)connection at most `commandTimeout`, then is made without
      // Redis; a connection that drops fails what it carried at once instead of retrying it.
      enableOfflineQueue: true,
      maxRetriesPerRequest: 0,
      commandTimeout: timeout,
      connectTimeout: 2000,
      // Reconnects forever, at most every 2 s: Redis coming back restores the shared limit.
      retryStrategy: (times) => Math.min(times * 100, 2000),
    });
    redis.defineCommand("takeToken", { numberOfKeys: 1, lua: TAKE_SCRIPT });
    redis.on("error", (error: Error) => this.warn(error));
    this.redis = redis as WithTake;
  }

  async take(key: string): Promise<TakeResult> {
    if (this.perMs === 0) return { allowed: true };
    try {
      const [allowed, retryAfterMs] = await this.redis.takeToken(
        this.prefix + hashed(key),
        String(this.perMs),
        this.burst,
        this.ttlMs,
      );
      return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs: Math.max(1, retryAfterMs) };
    } catch (error) {
      this.options.onStoreError?.();
      this.warn(error as Error);
      return { allowed: true };
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private warn(error: Error): void {
    const now = Date.now();
    if (now - this.lastWarnedAt < LOG_EVERY_MS) return;
    this.lastWarnedAt = now;
    this.options.logger.warn(
      { err: error.message },
      "rate limit: Redis cannot decide; letting requests through (fail open) until it is back",
    );
  }
}

// Keys name users: Redis holds a one-way hash of them, not their ids.
function hashed(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 22);
}

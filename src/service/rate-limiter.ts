import type { RateLimiter } from "./rate-limit.js";

/** The outcome of asking the limiter for one token. */
export type TakeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Options of the token-bucket limiter. */
export interface RateLimitOptions {
  /** Tokens added per minute; 0 turns the limit off. */
  perMinute: number;
  /** Bucket size: how many requests may come at once after a quiet spell. */
  burst: number;
  /** Buckets kept at most; the least recently used are forgotten past it. */
  maxKeys?: number;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

// Enough for every active user of a large workspace; bounds memory under a flood of ids.
const DEFAULT_MAX_KEYS = 50_000;

/**
 * A per-key token bucket: each key may spend `burst` requests at once, then
 * `perMinute` a minute. It never queues: a request over the limit is refused at
 * once with the time after which a token will be there.
 */
export class TokenBucketLimiter implements RateLimiter {
  readonly store = "memory" as const;
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: RateLimitOptions) {
    this.perMs = options.perMinute / 60_000;
    this.burst = Math.max(1, options.burst);
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    this.now = options.now ?? Date.now;
  }

  /** Whether the limit is off (`perMinute` 0). */
  get disabled(): boolean {
    return this.perMs === 0;
  }

  /** Spends one token of `key` if there is one. */
  take(key: string): TakeResult {
    if (this.disabled) return { allowed: true };
    const now = this.now();
    const bucket = this.refilled(key, now);
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.evictOverflow();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.perMs) };
  }

  /** How many keys are tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.burst, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt);
    return { tokens: Math.min(this.burst, bucket.tokens + elapsed * this.perMs), updatedAt: now };
  }

  private evictOverflow(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) return;
      this.buckets.delete(key);
    }
  }
}

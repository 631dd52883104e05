import type { TakeResult } from "./rate-limiter.js";

/**
 * A per-key rate limit: one token per request. The in-process bucket answers at
 * once; the shared one (Redis) answers after a round trip.
 */
export interface RateLimiter {
  /** Spends one token of `key` if there is one. */
  take(key: string): TakeResult | Promise<TakeResult>;
  /** Where the buckets live, for metrics: `memory` or `redis`. */
  readonly store: "memory" | "redis";
  /** Releases what the limiter holds (a connection); the in-process one holds nothing. */
  close?(): Promise<void>;
}

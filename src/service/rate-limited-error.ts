import { BackstoryError } from "../core/errors.js";

/** A polite refusal from the per-user rate limit, carrying when to try again. */
export class RateLimitedError extends BackstoryError {
  /** Whole seconds until the user may ask again (≥ 1), for `Retry-After`. */
  readonly retryAfterSeconds: number;

  constructor(retryAfterMs: number, perMinute: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(
      "rate_limited",
      `You're asking faster than Backstory answers one person (${perMinute} a minute). ` +
        `Please try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
    );
    this.name = "RateLimitedError";
    this.retryAfterSeconds = seconds;
  }
}

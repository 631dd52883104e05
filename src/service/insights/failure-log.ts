import type { Logger } from "../../logger.js";

/**
 * Logs write failures at most once per interval, with how many happened since the last line:
 * a database that is down fails every request, and one line a minute says so as well as a
 * thousand would.
 */
export class FailureLog {
  private last = Number.NEGATIVE_INFINITY;
  private unreported = 0;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one failure; logs it (with the count since the last line) when the interval has passed. */
  failed(what: string, error?: unknown): void {
    this.unreported++;
    const at = this.now();
    if (at - this.last < this.intervalMs) return;
    this.logger.warn(
      { err: error, failures: this.unreported, what },
      `insights: ${this.unreported} write(s) failed or dropped since the last report; answering goes on (${what})`,
    );
    this.last = at;
    this.unreported = 0;
  }
}

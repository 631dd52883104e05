import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { commandNames } from "../../commands/index.js";
import type { Answer } from "../core/answer.js";
import { asBackstoryError, BackstoryError } from "../core/errors.js";
import type { Invocation } from "../core/invocation.js";
import type { Asker } from "./asker.js";
import { InFlight } from "./in-flight.js";
import type { Insights } from "./insights/insights.js";
import type { ServiceMetrics } from "./metrics/service-metrics.js";
import type { RateLimiter } from "./rate-limit.js";
import { RateLimitedError } from "./rate-limited-error.js";
import { currentRequestId, newRequestId } from "./request-context.js";

/** Options of createServiceAsker. */
export interface ServiceAskerOptions {
  limiter: RateLimiter;
  /** Shown in the rate-limit message. */
  perMinute: number;
  metrics: ServiceMetrics;
  logger: Logger;
  /** Stores each answered question and signs its id for the vote buttons (INSIGHTS on, database open). */
  insights?: Insights;
}

/** The Asker adapters get: rate-limited, measured, logged, and drainable on shutdown. */
export interface ServiceAsker extends Asker {
  /** Answers in progress now. */
  readonly inFlight: number;
  /** Resolves once no answer is in progress. */
  idle(): Promise<void>;
  /** From now on, refuse new questions politely (shutting down). */
  drain(): void;
}

/**
 * Wraps an Asker with what a service needs around each answer: the per-user
 * token bucket (a polite refusal, never a queue), metrics, one structured log
 * line (request id, command, platform, latency; never secrets), and a count of
 * answers in flight for graceful shutdown. Whatever is thrown reaches the
 * adapter as a BackstoryError.
 */
export function createServiceAsker(inner: Asker, options: ServiceAskerOptions): ServiceAsker {
  const { limiter, metrics, logger } = options;
  const inFlight = new InFlight();
  let draining = false;

  const ask = async (invocation: Invocation): Promise<Answer> => {
    const requestId = currentRequestId() ?? newRequestId();
    const command = metricLabel(invocation.command);
    const platform = invocation.platform;
    const fields = { requestId, command, platform, user: pseudonym(invocation) };
    if (draining) {
      metrics.requests.inc({ command, platform, outcome: "index_not_ready" });
      throw new BackstoryError(
        "index_not_ready",
        "Backstory is restarting. Please ask again in a few seconds.",
      );
    }
    const taken = limiter.take(`${platform}:${invocation.user ?? "anonymous"}`);
    // The in-process bucket decides at once: no turn of the event loop before the answer is tracked.
    const decision = taken instanceof Promise ? await taken : taken;
    metrics.rateLimitDecisions.inc({
      store: limiter.store,
      decision: decision.allowed ? "allowed" : "refused",
    });
    if (!decision.allowed) {
      metrics.rateLimited.inc({ platform });
      metrics.requests.inc({ command, platform, outcome: "rate_limited" });
      logger.info({ ...fields, retryAfterMs: decision.retryAfterMs }, "rate limited");
      throw new RateLimitedError(decision.retryAfterMs, options.perMinute);
    }
    const started = performance.now();
    metrics.inFlight.set(inFlight.size + 1);
    try {
      const answer = await inFlight.track(() => inner.ask(invocation));
      const seconds = (performance.now() - started) / 1000;
      metrics.requests.inc({ command, platform, outcome: "ok" });
      metrics.latency.observe(seconds, { command, platform });
      logger.info({ ...fields, latencyMs: ms(seconds), items: answer.items.length }, "answered");
      logger.debug({ requestId, args: invocation.args }, "question");
      return withInsights(options, invocation, answer, seconds * 1000);
    } catch (error) {
      const coded = asBackstoryError(error);
      const seconds = (performance.now() - started) / 1000;
      metrics.requests.inc({ command, platform, outcome: coded.code });
      metrics.latency.observe(seconds, { command, platform });
      if (coded.code === "internal") {
        logger.error({ ...fields, latencyMs: ms(seconds), err: coded.cause ?? coded }, "answer failed");
      } else {
        logger.info({ ...fields, latencyMs: ms(seconds), code: coded.code }, "answer refused");
      }
      throw coded;
    } finally {
      metrics.inFlight.set(inFlight.size);
    }
  };

  return {
    ask,
    complete: (source, typed) => {
      try {
        return inner.complete(source, typed);
      } catch (error) {
        // Suggestions are a nicety: before the index loads there are simply none.
        if (error instanceof BackstoryError && error.code === "index_not_ready") return [];
        throw error;
      }
    },
    get inFlight() {
      return inFlight.size;
    },
    idle: () => inFlight.idle(),
    drain: () => {
      draining = true;
    },
  };
}

// Insights never cost an answer: whatever goes wrong there, the reader gets the answer.
function withInsights(
  options: ServiceAskerOptions,
  invocation: Invocation,
  answer: Answer,
  latencyMs: number,
): Answer {
  if (!options.insights) return answer;
  try {
    return options.insights.answered(invocation, answer, latencyMs);
  } catch (error) {
    options.metrics.insightsWrites.inc({ result: "failed" });
    options.logger.warn({ err: error }, "insights: the question could not be queued");
    return answer;
  }
}

// Labels are bounded to the table's names: anything typed must not grow the metrics.
function metricLabel(name: string): string {
  const wanted = name.replace(/^\//u, "").toLowerCase();
  return commandNames.has(wanted) ? wanted : "unknown";
}

function ms(seconds: number): number {
  return Math.round(seconds * 1000 * 10) / 10;
}

// Logs follow one user without naming them: a short one-way hash of platform and id.
function pseudonym(invocation: Invocation): string | undefined {
  if (invocation.user === undefined) return undefined;
  return createHash("sha256").update(`${invocation.platform}:${invocation.user}`).digest("hex").slice(0, 12);
}

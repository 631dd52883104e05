import type { EngineStats } from "../../core/engine.js";
import { type Counter, type Gauge, type Histogram, Registry } from "./registry.js";

// Seconds: answers take milliseconds; the top buckets catch a stalled index or host.
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Backstory's metrics, served at `/metrics`. */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** Answers asked, by command, platform and outcome (`ok` or an error code). */
  readonly requests: Counter;
  /** Time to answer, by command and platform. */
  readonly latency: Histogram;
  /** Requests refused by the per-user rate limit, by platform. */
  readonly rateLimited: Counter;
  /** Rate-limit decisions, by where the buckets live (`memory`, `redis`) and decision (`allowed`, `refused`). */
  readonly rateLimitDecisions: Counter;
  /** Decisions the shared store (Redis) could not make: the request was let through (fail open). */
  readonly rateLimitStoreErrors: Counter;
  /** HTTP requests served, by route and status class. */
  readonly httpRequests: Counter;
  /** Size of the serving index, by what is counted. */
  readonly indexSize: Gauge;
  /** Unix time of the last successful (re)load. */
  readonly indexLoadedAt: Gauge;
  /** Reloads attempted, by result (`ok`, `failed`). */
  readonly reloads: Counter;
  /** Reloads that failed and left the previous index serving. */
  readonly reloadFailures: Counter;
  /** Answers in progress. */
  readonly inFlight: Gauge;
  /** Answer cache look-ups, by result (`hit`, `miss`). */
  readonly answerCache: Counter;
  /** Insights writes (questions, votes, purges), by result (`ok`, `failed`, `dropped` when the queue is full). */
  readonly insightsWrites: Counter;
  /** Articles met by the ingest, by outcome (`new`, `updated`, `unchanged`, `skipped`) and skip reason. */
  readonly ingestArticles: Counter;
  /** Feed polls, by result (`ok`, `partial`: some articles skipped, `failed`). */
  readonly ingestPolls: Counter;
}

/** Creates the metrics, each registered once in a fresh registry. */
export function createServiceMetrics(): ServiceMetrics {
  const registry = new Registry();
  return {
    registry,
    requests: registry.counter(
      "backstory_requests_total",
      "Answers asked, by command, platform and outcome.",
    ),
    latency: registry.histogram(
      "backstory_request_duration_seconds",
      "Time to answer, by command and platform.",
      LATENCY_BUCKETS,
    ),
    rateLimited: registry.counter(
      "backstory_rate_limited_total",
      "Requests refused by the per-user rate limit, by platform.",
    ),
    rateLimitDecisions: registry.counter(
      "backstory_rate_limit_decisions_total",
      "Per-user rate-limit decisions, by store (memory, redis) and decision (allowed, refused).",
    ),
    rateLimitStoreErrors: registry.counter(
      "backstory_rate_limit_store_errors_total",
      "Rate-limit decisions Redis could not make; the request was let through (fail open).",
    ),
    httpRequests: registry.counter(
      "backstory_http_requests_total",
      "HTTP requests served, by route and status class.",
    ),
    indexSize: registry.gauge("backstory_index_size", "Size of the serving index, by what is counted."),
    indexLoadedAt: registry.gauge(
      "backstory_index_loaded_timestamp_seconds",
      "Unix time the serving index was loaded.",
    ),
    reloads: registry.counter("backstory_reloads_total", "Index reloads attempted, by result."),
    reloadFailures: registry.counter(
      "backstory_reload_failures_total",
      "Index reloads that failed and kept the previous index serving.",
    ),
    inFlight: registry.gauge("backstory_answers_in_flight", "Answers in progress."),
    answerCache: registry.counter(
      "backstory_answer_cache_total",
      "Answer cache look-ups (repeated questions and paging), by result.",
    ),
    insightsWrites: registry.counter(
      "backstory_insights_writes_total",
      "Insights writes (questions, votes, purges), by result: ok, failed, or dropped when the queue is full.",
    ),
    ingestArticles: registry.counter(
      "backstory_ingest_articles_total",
      "Articles met by the feed poller, by outcome (new, updated, unchanged, skipped) and skip reason.",
    ),
    ingestPolls: registry.counter(
      "backstory_ingest_polls_total",
      "Feed polls, by result (ok, partial, failed).",
    ),
  };
}

/** Records the size of a newly serving index. */
export function recordIndexSize(metrics: ServiceMetrics, stats: EngineStats, loadedAtMs: number): void {
  const counted = {
    documents: stats.documents,
    paragraphs: stats.paragraphs,
    passages: stats.passages,
    quotes: stats.quotes,
    events: stats.events,
    entities: stats.entities,
    warnings: stats.warnings,
  };
  for (const [what, value] of Object.entries(counted)) metrics.indexSize.set(value, { what });
  metrics.indexLoadedAt.set(Math.round(loadedAtMs / 1000));
}

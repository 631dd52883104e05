import type { Logger } from "pino";
import type { Config } from "../config.js";
import { type FeedsConfig, mergeFeeds, parseFeedsVariable, readFeedsFile } from "../ingest/feeds-config.js";
import { type IngestItem, type IngestSummary, ingest, summaryLine } from "../ingest/ingest.js";
import { fetchPolicyFrom } from "../ingest/policy-from-config.js";
import { SafeFetcher } from "../ingest/safe-fetch.js";
import type { ServiceMetrics } from "./metrics/service-metrics.js";

/** What the poller needs. */
export interface FeedPollerOptions {
  corpusDir: string;
  config: Pick<Config, "ingest">;
  logger: Logger;
  metrics: Pick<ServiceMetrics, "ingestArticles" | "ingestPolls">;
  /** How often due feeds are looked for (and feeds.yaml re-read). Default 30 s. */
  tickMs?: number;
  /** After a poll that added or updated articles (the service reloads when it does not watch the corpus). */
  onChanged?: (summary: IngestSummary) => void;
}

/** A running poller. */
export interface FeedPoller {
  /** Polls every configured feed now, due or not (tests, a SIGHUP). */
  pollAll(): Promise<IngestSummary[]>;
  /** Stops the timer and a poll in progress (its current request fails; what was written stays). */
  stop(): Promise<void>;
}

/**
 * Polls the feeds of `FEEDS` and `feeds.yaml` (re-read at each tick, so editing it
 * needs no restart), each at its own interval, one poll at a time. Each article's
 * outcome is counted in the metrics; each poll logs one summary line, and each skip
 * one line with its reason. A failing feed never stops the others.
 */
export function startFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { corpusDir, config, logger, metrics } = options;
  const fetcher = new SafeFetcher(fetchPolicyFrom(config));
  const variable = parseFeedsVariable(config.ingest.feeds, config.ingest.feedIntervalMs);
  const nextDue = new Map<string, number>();
  const reported = new Set<string>();
  let running: Promise<unknown> = Promise.resolve();
  const stopping = new AbortController();

  const feeds = async (): Promise<FeedsConfig> => {
    const merged = mergeFeeds(variable, await readFeedsFile(corpusDir, config.ingest.feedIntervalMs));
    for (const problem of merged.problems) {
      if (!reported.has(problem)) logger.warn({ problem }, "a feed is left out: fix its entry");
      reported.add(problem);
    }
    return merged;
  };

  const pollFeed = async (url: string): Promise<IngestSummary> => {
    const started = Date.now();
    const summary = await ingest(corpusDir, [url], fetcher, {
      onItem: (item) => count(item),
      signal: stopping.signal,
    });
    const result = Object.keys(summary.skipped).length > 0 ? "partial" : "ok";
    metrics.ingestPolls.inc({ result });
    const { new: added, updated, unchanged, skipped } = summary;
    logger.info(
      { feed: url, ms: Date.now() - started, new: added, updated, unchanged, skipped },
      `polled ${url}: ${summaryLine(summary)}`,
    );
    if (summary.new + summary.updated > 0) options.onChanged?.(summary);
    return summary;
  };

  const count = (item: IngestItem): void => {
    metrics.ingestArticles.inc({ outcome: item.outcome, reason: item.reason ?? "" });
    if (item.outcome === "skipped")
      logger.warn({ url: item.url, reason: item.reason }, `ingest skipped: ${item.detail}`);
  };

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work);
    running = next.catch(() => undefined);
    return next;
  };

  const tick = (all: boolean): Promise<IngestSummary[]> =>
    exclusive(async () => {
      const summaries: IngestSummary[] = [];
      for (const feed of (await feeds()).feeds) {
        if (stopping.signal.aborted) break;
        const now = Date.now();
        if (!all && (nextDue.get(feed.url) ?? 0) > now) continue;
        nextDue.set(feed.url, now + feed.intervalMs);
        try {
          summaries.push(await pollFeed(feed.url));
        } catch (error) {
          metrics.ingestPolls.inc({ result: "failed" });
          logger.error(
            { err: error, feed: feed.url },
            "polling a feed failed; the corpus is unchanged by it",
          );
        }
      }
      return summaries;
    });

  const timer = setInterval(() => void tick(false), options.tickMs ?? 30_000);
  timer.unref();
  void tick(false);
  return {
    pollAll: () => tick(true),
    stop: async () => {
      stopping.abort();
      clearInterval(timer);
      // A page in flight may take its whole time limit: the shutdown's grace is not spent waiting for it.
      await fetcher.destroy();
      await running;
    },
  };
}

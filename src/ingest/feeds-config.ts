import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { FEEDS_FILE } from "../core/corpus/manifest.js";

/** A feed (or sitemap, or page) to poll, and how often. */
export interface FeedSubscription {
  url: string;
  intervalMs: number;
}

/** The feeds configured, and problems with entries that were left out. */
export interface FeedsConfig {
  feeds: FeedSubscription[];
  problems: string[];
}

// An interval below this would be impolite to any site; most feeds change every few minutes at most.
const MIN_INTERVAL_MS = 60_000;
const MAX_INTERVAL_MS = 7 * 24 * 3_600_000;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Reads an interval such as `15m`, `2h`, `1d`, `90s` or a bare number of minutes;
 * undefined when it is not one or falls outside 1 minute – 7 days.
 */
export function parseInterval(text: string | number): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/iu.exec(String(text));
  if (!match) return undefined;
  const ms = Number(match[1]) * (UNIT_MS[(match[2] || "m").toLowerCase()] as number);
  return ms >= MIN_INTERVAL_MS && ms <= MAX_INTERVAL_MS ? ms : undefined;
}

/**
 * Reads `FEEDS`: entries separated by commas or new lines, each a URL and an optional
 * interval (`https://example.com/rss.xml 15m, https://example.com/news-sitemap.xml`).
 */
export function parseFeedsVariable(text: string | undefined, defaultIntervalMs: number): FeedsConfig {
  const config: FeedsConfig = { feeds: [], problems: [] };
  for (const entry of (text ?? "")
    .split(/[,\n]/u)
    .map((e) => e.trim())
    .filter((e) => e !== "")) {
    const [url, interval, ...rest] = entry.split(/\s+/u);
    add(config, `FEEDS entry "${entry}"`, url ?? "", interval, defaultIntervalMs, rest.length > 0);
  }
  return config;
}

const fileSchema = z.object({
  feeds: z
    .array(
      z.union([
        z.string(),
        z.object({ url: z.string(), interval: z.union([z.string(), z.number()]).optional() }),
      ]),
    )
    .default([]),
});

/**
 * Reads `feeds.yaml` in the corpus folder: `feeds:` a list of URLs, or of
 * `{url, interval}`. A missing file is no feeds; a broken one is a problem, not a crash.
 */
export async function readFeedsFile(corpusDir: string, defaultIntervalMs: number): Promise<FeedsConfig> {
  const config: FeedsConfig = { feeds: [], problems: [] };
  let text: string;
  try {
    text = await readFile(join(corpusDir, FEEDS_FILE), "utf8");
  } catch {
    return config;
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 10 }) ?? {};
  } catch (error) {
    config.problems.push(`${FEEDS_FILE}: not YAML (${(error as Error).message.split("\n")[0]})`);
    return config;
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    config.problems.push(`${FEEDS_FILE}: expected "feeds:" and a list of URLs or {url, interval}`);
    return config;
  }
  parsed.data.feeds.forEach((feed, i) => {
    const url = typeof feed === "string" ? feed : feed.url;
    const interval = typeof feed === "string" ? undefined : feed.interval;
    add(config, `${FEEDS_FILE} feed ${i + 1}`, url.trim(), interval, defaultIntervalMs, false);
  });
  return config;
}

/** The feeds of both places, the variable's first; a URL listed twice is polled once. */
export function mergeFeeds(...configs: FeedsConfig[]): FeedsConfig {
  const seen = new Set<string>();
  const feeds = configs.flatMap((c) => c.feeds).filter((f) => !seen.has(f.url) && seen.add(f.url));
  return { feeds, problems: configs.flatMap((c) => c.problems) };
}

function add(
  config: FeedsConfig,
  where: string,
  url: string,
  interval: string | number | undefined,
  defaultIntervalMs: number,
  extra: boolean,
): void {
  if (!URL.canParse(url) || !/^https?:$/u.test(new URL(url).protocol)) {
    config.problems.push(`${where}: "${url}" is not an http(s) URL`);
    return;
  }
  const intervalMs = interval === undefined ? defaultIntervalMs : parseInterval(interval);
  if (intervalMs === undefined || extra) {
    config.problems.push(`${where}: the interval must be like 15m, 2h or 1d (1 minute to 7 days)`);
    return;
  }
  config.feeds.push({ url, intervalMs });
}

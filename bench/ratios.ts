import type { SizeResult } from "./run-size.js";
import { ratio } from "./stats.js";

/** Our figures divided by the naive baseline's: below 1 means ours is faster or smaller. */
export interface Ratios {
  /** Our full build (analyzers and index, corpus read excluded) / the naive index build. */
  build?: number;
  /** Our snapshot restore / the naive `loadJSON`. */
  load?: number;
  /** Our whole start (fingerprint + restore) / the naive `loadJSON`. */
  start?: number;
  /** RSS after load, ours / naive. */
  rss?: number;
  /** Snapshot bytes / naive JSON bytes. */
  bytes?: number;
  /** Each command's warm p99, rendered (the slower platform), / the naive p99 of the same questions' words. */
  p99ByCommand: Record<string, number>;
  /** Each command's first-time p99 (first question after start) / the naive first-time p99 of the same words. */
  firstTimeP99ByCommand: Record<string, number>;
  /** Our `/search` dispatch p99 alone / the naive search p99 (the like-for-like pair). */
  searchDispatchP99?: number;
}

/** The ratios of a size's figures to its naive baseline; empty when either side is missing. */
export function ratiosOf(result: SizeResult): Ratios | undefined {
  const naive = result.naive;
  if (!naive) return undefined;
  const { build, serve } = result;
  const naiveP99 = naive.load.search.warm.p99;
  const p99ByCommand: Record<string, number> = {};
  const firstTimeP99ByCommand: Record<string, number> = {};
  for (const [command, latency] of Object.entries(serve?.commands.byCommand ?? {})) {
    // Older results had the naive /search figures only.
    const same = naive.load.byCommand?.[command] ?? naive.load.search;
    const warm = ratio(Math.max(latency.warm.discord.p99, latency.warm.slack.p99), same.warm.p99);
    if (warm !== undefined) p99ByCommand[command] = warm;
    const first = ratio(Math.max(latency.cold.discord.p99, latency.cold.slack.p99), same.cold.p99);
    if (first !== undefined) firstTimeP99ByCommand[command] = first;
  }
  const ratios: Ratios = { p99ByCommand, firstTimeP99ByCommand };
  const set = (
    key: Exclude<keyof Ratios, "p99ByCommand" | "firstTimeP99ByCommand">,
    value: number | undefined,
  ) => {
    if (value !== undefined) ratios[key] = value;
  };
  set("build", ratio(build?.buildMs, naive.build.buildMs));
  set("load", ratio(serve?.snapshotLoadMs, naive.load.loadMs));
  set("start", ratio(serve?.startMs, naive.load.loadMs));
  set("rss", ratio(serve?.memoryAfterLoad.rssMb, naive.load.memoryAfterLoad.rssMb));
  set("bytes", ratio(build?.snapshot.bytes, naive.build.bytes));
  set("searchDispatchP99", ratio(serve?.commands.byCommand.search?.warm.dispatch.p99, naiveP99));
  return ratios;
}

import { mb, ms } from "./format.js";
import type { SizeResult } from "./run-size.js";

/** One target (issues 6 and 14), checked against a 19k result. */
export interface TargetCheck {
  target: string;
  measured: string;
  /** Undefined when the figure is missing. */
  met?: boolean;
}

/** The targets (19k corpus, this machine) and what the run measured for each. */
export function checkTargets(result: SizeResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (
    target: string,
    value: number | undefined,
    limit: number,
    show: (v: number) => string,
    atLeast = false,
  ) => {
    const check: TargetCheck = { target, measured: value === undefined ? "–" : show(value) };
    if (value !== undefined) check.met = atLeast ? value >= limit : value <= limit;
    checks.push(check);
  };
  const commands = result.serve?.commands.byCommand ?? {};
  const rendered = (g: { discord: { p99: number }; slack: { p99: number } }) =>
    Math.max(g.discord.p99, g.slack.p99);
  for (const [command, latency] of Object.entries(commands)) {
    add(`/${command} warm (answer cache off) p99 ≤ 10 ms`, rendered(latency.warm), 10, ms);
    add(`/${command} first time after start p99 ≤ 25 ms`, rendered(latency.cold), 25, ms);
  }
  const all = result.serve?.commands.all;
  add("worst single question (any run) ≤ 50 ms", all?.rawMaxMs, 50, ms);
  for (const [command, value] of Object.entries(result.ratios?.p99ByCommand ?? {})) {
    add(
      `/${command} ≥ 25× better than naive MiniSearch's p99 on the same words`,
      1 / value,
      25,
      (v) => `${v.toFixed(1)}×`,
      true,
    );
  }
  add("autocomplete p99 ≤ 5 ms", result.serve?.complete.all.warm.p99, 5, ms);
  add("start from snapshot ≤ 1 s", result.serve?.startMs, 1000, ms);
  add("full build ≤ 30 s", result.build?.totalMs, 30_000, ms);
  add("RSS after load ≤ 500 MB", result.serve?.memoryAfterLoad.rssMb, 500, mb);
  const slack = result.http?.slack;
  add("Slack: ≥ 1,000 answered commands/s", slack?.answeredPerSec, 1000, (v) => `${v.toFixed(0)}/s`, true);
  add("Slack: HTTP p99 ≤ 50 ms", slack?.latency.p99, 50, ms);
  if (slack?.delivery)
    add("Slack: answer delivered p99 ≤ 50 ms (stricter reading)", slack.delivery.p99, 50, ms);
  const uncached = result.http?.slackUncached;
  add(
    "Slack, answer cache off (every question new): ≥ 500 answered/s",
    uncached?.answeredPerSec,
    500,
    (v) => `${v.toFixed(0)}/s`,
    true,
  );
  add("Slack, answer cache off: HTTP p99 ≤ 50 ms", uncached?.latency.p99, 50, ms);
  const cluster = result.http?.slackUncachedCluster;
  if (cluster) {
    const workers = `${cluster.workers} web workers (WEB_CONCURRENCY)`;
    add(
      `Slack, answer cache off, ${workers}: ≥ 500 answered/s`,
      cluster.answeredPerSec,
      500,
      (v) => `${v.toFixed(0)}/s`,
      true,
    );
    add(`Slack, answer cache off, ${workers}: HTTP p99 ≤ 50 ms`, cluster.latency.p99, 50, ms);
  }
  return checks;
}

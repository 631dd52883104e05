import { mb, ms } from "./format.js";
import type { SizeResult } from "./run-size.js";

/** One target of issue 6, checked against a 19k result. */
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
  for (const [command, latency] of Object.entries(commands)) {
    add(
      `/${command} rendered p99 ≤ 20 ms`,
      Math.max(latency.warm.discord.p99, latency.warm.slack.p99),
      20,
      ms,
    );
  }
  const naiveP99 = result.naive?.load.search.warm.p99;
  const worst = Math.max(
    ...Object.values(commands).map((l) => Math.max(l.warm.discord.p99, l.warm.slack.p99)),
  );
  if (naiveP99 !== undefined && Number.isFinite(worst) && worst > 0) {
    add(
      "every command ≥ 25× better than the naive p99",
      naiveP99 / worst,
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
    "Slack, answer cache off (every question new): ≥ 1,000 answered/s",
    uncached?.answeredPerSec,
    1000,
    (v) => `${v.toFixed(0)}/s`,
    true,
  );
  add("Slack, answer cache off: HTTP p99 ≤ 50 ms", uncached?.latency.p99, 50, ms);
  return checks;
}

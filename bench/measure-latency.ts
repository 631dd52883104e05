import { dispatch } from "../commands/dispatch.js";
import { textToInvocation } from "../commands/text-to-invocation.js";
import type { Answer } from "../src/core/answer.js";
import type { Engine } from "../src/core/engine.js";
import { asBackstoryError } from "../src/core/errors.js";
import type { Invocation } from "../src/core/invocation.js";
import { collectGarbage } from "./child.js";
import { BENCH_COMMANDS, type CommandQuery, type CompleteQuery } from "./queries.js";
import { sample, seededRandom } from "./query-pick.js";
import { median, roundSummary, type Summary, summarize } from "./stats.js";

/** How long to spend measuring, and how many repeated passes at most. */
export interface RepeatPlan {
  /** Time for the repeated (warm) passes after the first (cold) one. */
  budgetMs: number;
  /** Repeated passes at least (whatever the budget) and at most. */
  minReps: number;
  maxReps: number;
}

/** The renderers measured, loaded after the memory figures are taken. */
export interface Renderers {
  discord(answer: Answer, invocation: Invocation): unknown;
  slack(answer: Answer, invocation: Invocation): unknown;
}

/** One timed run of one command query (milliseconds). */
interface Run {
  parse: number;
  dispatch: number;
  discord: number;
  slack: number;
  items: number;
  error?: string;
}

/** The series reported per command: dispatch alone, and parse + dispatch + render + JSON. */
export type Series = "dispatch" | "discord" | "slack";

/** Latency of one group of queries. */
export interface GroupLatency {
  queries: number;
  /** Over each query's median of its repeated runs. */
  warm: Record<Series, Summary>;
  /** Over each query's first run in this process. */
  cold: Record<Series, Summary>;
  /** The slowest single run of any query (rendered, the slower platform). */
  rawMaxMs: number;
  /** Queries that found nothing (no items). */
  empty: number;
  /** Queries answered with an error, by code. */
  errors: Record<string, number>;
}

/** Per-command latency of the query set. */
export interface CommandLatency {
  /** Repeated passes run after the cold one. */
  reps: number;
  byCommand: Record<string, GroupLatency>;
  byCategory: Record<string, GroupLatency>;
  all: GroupLatency;
  /** The ten slowest queries (warm median, rendered for Slack). */
  slowest: { id: string; text: string; ms: number; items: number }[];
}

/**
 * Times every command query: a first (cold) pass in set order, then repeated
 * passes in a shuffled order while the time budget lasts. Each run times the
 * text parse, `dispatch` (the command table, the real engine), and rendering to
 * the Discord and Slack payloads including `JSON.stringify`. A query's figure is
 * the median of its repeated runs; percentiles are over queries.
 */
export function measureCommands(
  engine: Engine,
  queries: readonly CommandQuery[],
  renderers: Renderers,
  plan: RepeatPlan,
): CommandLatency {
  const runs = new Map<string, Run[]>(queries.map((q) => [q.id, []]));
  collectGarbage();
  const coldStarted = performance.now();
  for (const q of queries) runs.get(q.id)?.push(runOnce(engine, q, renderers));
  const reps = repsFor(performance.now() - coldStarted, plan);
  const random = seededRandom(7);
  for (let r = 0; r < reps; r++) {
    collectGarbage();
    for (const q of sample(random, queries, queries.length))
      runs.get(q.id)?.push(runOnce(engine, q, renderers));
  }
  const group = (members: readonly CommandQuery[]) => groupLatency(members, runs);
  const byCommand: Record<string, GroupLatency> = {};
  for (const command of BENCH_COMMANDS)
    byCommand[command] = group(queries.filter((q) => q.command === command));
  const byCategory: Record<string, GroupLatency> = {};
  for (const category of new Set(queries.map((q) => q.category))) {
    byCategory[category] = group(queries.filter((q) => q.category === category));
  }
  const slowest = queries
    .map((q) => {
      const list = runs.get(q.id) ?? [];
      const warm = list.length > 1 ? list.slice(1) : list;
      return { id: q.id, text: q.text, ms: median(warm.map(rendered("slack"))), items: list[0]?.items ?? 0 };
    })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10)
    .map((s) => ({ ...s, ms: Math.round(s.ms * 100) / 100 }));
  return { reps, byCommand, byCategory, all: group(queries), slowest };
}

/**
 * Repeated passes to run, given how long the first pass took: as many as fit the
 * budget, but at least `minReps` (a slow engine takes longer, it is not measured less)
 * and at most `maxReps`.
 */
export function repsFor(passMs: number, plan: RepeatPlan): number {
  const fit = Math.floor(plan.budgetMs / Math.max(passMs, 0.001));
  return Math.min(plan.maxReps, Math.max(plan.minReps, fit));
}

function runOnce(engine: Engine, query: CommandQuery, renderers: Renderers): Run {
  const t0 = performance.now();
  let invocation: Invocation;
  try {
    const parsed = textToInvocation(query.text, { platform: "cli" });
    invocation = { command: parsed.command, args: parsed.args, platform: "cli" };
  } catch (error) {
    return { parse: performance.now() - t0, dispatch: 0, discord: 0, slack: 0, items: 0, error: code(error) };
  }
  const t1 = performance.now();
  let answer: Answer;
  try {
    answer = dispatch(invocation, { engine });
  } catch (error) {
    const t = performance.now() - t1;
    return { parse: t1 - t0, dispatch: t, discord: 0, slack: 0, items: 0, error: code(error) };
  }
  const t2 = performance.now();
  JSON.stringify(renderers.discord(answer, invocation));
  const t3 = performance.now();
  JSON.stringify(renderers.slack(answer, invocation));
  const t4 = performance.now();
  return { parse: t1 - t0, dispatch: t2 - t1, discord: t3 - t2, slack: t4 - t3, items: answer.items.length };
}

function code(error: unknown): string {
  return asBackstoryError(error).code;
}

const rendered =
  (series: Series) =>
  (run: Run): number =>
    series === "dispatch"
      ? run.dispatch
      : run.parse + run.dispatch + (series === "discord" ? run.discord : run.slack);

const SERIES: readonly Series[] = ["dispatch", "discord", "slack"];

function groupLatency(members: readonly CommandQuery[], runs: Map<string, Run[]>): GroupLatency {
  const warm = {} as Record<Series, Summary>;
  const cold = {} as Record<Series, Summary>;
  const lists = members.map((q) => runs.get(q.id) ?? []).filter((l) => l.length > 0);
  for (const series of SERIES) {
    const time = rendered(series);
    warm[series] = roundSummary(
      summarize(lists.map((l) => median((l.length > 1 ? l.slice(1) : l).map(time)))),
    );
    cold[series] = roundSummary(summarize(lists.map((l) => time(l[0] as Run))));
  }
  const errors: Record<string, number> = {};
  for (const list of lists) {
    const error = list[0]?.error;
    if (error) errors[error] = (errors[error] ?? 0) + 1;
  }
  const all = lists.flat();
  return {
    queries: lists.length,
    warm,
    cold,
    rawMaxMs:
      Math.round(Math.max(...all.map((r) => Math.max(rendered("discord")(r), rendered("slack")(r)))) * 1000) /
      1000,
    empty: lists.filter((l) => (l[0]?.items ?? 0) === 0 && !l[0]?.error).length,
    errors,
  };
}

/** Autocomplete latency: `engine.complete(source, typed)` as the adapters call it. */
export interface CompleteLatency {
  reps: number;
  bySource: Record<string, { warm: Summary; cold: Summary }>;
  all: { warm: Summary; cold: Summary; rawMaxMs: number };
}

/** Times every autocomplete query: a cold pass, then repeated passes within the budget. */
export function measureComplete(
  engine: Engine,
  queries: readonly CompleteQuery[],
  plan: RepeatPlan,
): CompleteLatency {
  const runs = new Map<string, number[]>(queries.map((q) => [q.id, []]));
  const once = (q: CompleteQuery) => {
    const started = performance.now();
    engine.complete(q.source, q.prefix, 25);
    runs.get(q.id)?.push(performance.now() - started);
  };
  collectGarbage();
  const coldStarted = performance.now();
  for (const q of queries) once(q);
  const reps = repsFor(performance.now() - coldStarted, plan);
  const random = seededRandom(11);
  for (let r = 0; r < reps; r++) for (const q of sample(random, queries, queries.length)) once(q);
  const summaries = (members: readonly CompleteQuery[]) => {
    const lists = members.map((q) => runs.get(q.id) ?? []).filter((l) => l.length > 0);
    return {
      warm: roundSummary(summarize(lists.map((l) => median(l.length > 1 ? l.slice(1) : l)))),
      cold: roundSummary(summarize(lists.map((l) => l[0] as number))),
    };
  };
  const bySource: Record<string, { warm: Summary; cold: Summary }> = {};
  for (const source of new Set(queries.map((q) => q.source))) {
    bySource[source] = summaries(queries.filter((q) => q.source === source));
  }
  const rawMaxMs = Math.max(...[...runs.values()].flat());
  return { reps, bySource, all: { ...summaries(queries), rawMaxMs: Math.round(rawMaxMs * 1000) / 1000 } };
}

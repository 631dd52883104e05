import { bytes, count, mb, ms, table, times } from "./format.js";
import { growthExponent } from "./growth.js";
import type { SizeResult } from "./run-size.js";
import { checkTargets } from "./targets.js";

const STEPS = ["load", "passages", "entities", "quotes", "events", "index", "completions"];

/** Build time and its parts, per size. */
export function buildSection(results: readonly SizeResult[]): string {
  const extra = [...new Set(results.flatMap((r) => Object.keys(r.build?.steps ?? {})))].filter(
    (s) => !STEPS.includes(s) && s !== "snapshotWrite",
  );
  const steps = [...STEPS, ...extra];
  const rows = results.map((r) => [
    r.size,
    count(r.build?.counts.documents),
    count(r.build?.counts.passages),
    ms(r.build?.totalMs),
    ...steps.map((s) => ms(r.build?.steps[s])),
    ms(r.build?.fingerprintMs),
    bytes(r.build?.snapshot.bytes),
    ms(r.build?.snapshot.writeMs),
  ]);
  return table(
    ["size", "docs", "sentences", "**build total**", ...steps, "fingerprint", "snapshot", "snapshot write"],
    rows,
  );
}

/** Start from the snapshot and memory, per size. */
export function startSection(results: readonly SizeResult[]): string {
  const rows = results.map((r) => [
    r.size,
    ms(r.serve?.startMs),
    ms(r.serve?.snapshotLoadMs),
    ms(r.serve?.warmUpMs),
    ms(r.serve?.readySinceProcessStartMs),
    ms(r.http?.readyMs),
    mb(r.serve?.memoryAfterLoad.rssMb),
    mb(r.serve?.memoryAfterLoad.heapUsedMb),
    mb(r.serve?.memoryAfterQueries.rssMb),
    mb(r.http?.rssMbAfterReady),
    mb(r.http?.rssMbAfterLoad),
    mb(r.build?.memoryAfterBuild.rssMb),
  ]);
  return table(
    [
      "size",
      "**start from snapshot**",
      "restore alone",
      "warm-up (in the start)",
      "ready since process start",
      "web process ready (/readyz)",
      "**RSS after load**",
      "heap after load",
      "RSS after queries",
      "web process RSS ready",
      "web process RSS after HTTP load",
      "RSS of the build",
    ],
    rows,
  );
}

/** Per-command latency (warm medians, percentiles over queries), per size. */
export function latencySection(results: readonly SizeResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    const latency = r.serve?.commands;
    if (!latency) continue;
    for (const [command, g] of [...Object.entries(latency.byCommand), ["all", latency.all] as const]) {
      const worse = (k: "p50" | "p95" | "p99" | "max") => Math.max(g.warm.discord[k], g.warm.slack[k]);
      const errors =
        Object.entries(g.errors)
          .map(([code, n]) => `${code}:${n}`)
          .join(" ") || "0";
      rows.push([
        r.size,
        command === "all" ? "**all**" : `/${command}`,
        String(g.queries),
        ms(g.warm.dispatch.p50),
        ms(g.warm.dispatch.p99),
        ms(worse("p50")),
        ms(worse("p95")),
        `**${ms(worse("p99"))}**`,
        ms(worse("max")),
        ms(Math.max(g.cold.discord.p99, g.cold.slack.p99)),
        ms(g.rawMaxMs),
        `${g.empty}/${g.queries}`,
        errors,
      ]);
    }
  }
  return table(
    [
      "size",
      "command",
      "queries",
      "dispatch p50",
      "dispatch p99",
      "rendered p50",
      "p95",
      "**p99**",
      "max",
      "first time p99",
      "slowest run",
      "empty",
      "errors",
    ],
    rows,
  );
}

/** Autocomplete latency, per size. */
export function completeSection(results: readonly SizeResult[]): string {
  const rows = results.flatMap((r) => {
    const c = r.serve?.complete;
    if (!c) return [];
    return [
      [
        r.size,
        String(c.all.warm.n),
        ms(c.all.warm.p50),
        ms(c.all.warm.p95),
        `**${ms(c.all.warm.p99)}**`,
        ms(c.all.warm.max),
        ms(c.all.cold.p99),
        ms(c.all.rawMaxMs),
        String(c.reps),
      ],
    ];
  });
  return table(["size", "prefixes", "p50", "p95", "**p99**", "max", "cold p99", "slowest run", "reps"], rows);
}

/**
 * Per command, ours against naive MiniSearch searching the same questions' words:
 * warm and first time after start, p99 each, and how many times faster ours is.
 */
export function naivePerCommandSection(results: readonly SizeResult[]): string {
  const rows = results.flatMap((r) => {
    const naive = r.naive?.load.byCommand;
    const commands = r.serve?.commands.byCommand;
    if (!naive || !commands) return [];
    return Object.entries(commands).flatMap(([command, g]) => {
      const n = naive[command];
      if (!n) return [];
      const ours = (s: typeof g.warm) => Math.max(s.discord.p99, s.slack.p99);
      const faster = (naiveMs: number, oursMs: number) =>
        oursMs > 0 ? `${(naiveMs / oursMs).toFixed(1)}×` : "–";
      return [
        [
          r.size,
          `/${command}`,
          ms(n.warm.p99),
          ms(ours(g.warm)),
          `**${faster(n.warm.p99, ours(g.warm))}**`,
          ms(n.cold.p99),
          ms(ours(g.cold)),
          faster(n.cold.p99, ours(g.cold)),
        ],
      ];
    });
  });
  return table(
    [
      "size",
      "command",
      "naive p99 (warm)",
      "ours p99 (warm, rendered)",
      "**faster**",
      "naive p99 (first time)",
      "ours p99 (first time)",
      "faster",
    ],
    rows,
  );
}

/** The naive baseline and our ratios to it, per size. */
export function naiveSection(results: readonly SizeResult[]): string {
  const rows = results.flatMap((r) => {
    const n = r.naive;
    if (!n) return [];
    const ratios = r.ratios;
    const worst = Math.max(...Object.values(ratios?.p99ByCommand ?? {}));
    return [
      [
        r.size,
        ms(n.build.buildMs),
        bytes(n.build.bytes),
        ms(n.load.loadMs),
        mb(n.load.memoryAfterLoad.rssMb),
        ms(n.load.search.warm.p50),
        `**${ms(n.load.search.warm.p99)}**`,
        times(ratios?.build),
        times(ratios?.load),
        times(ratios?.start),
        times(ratios?.rss),
        times(ratios?.bytes),
        times(ratios?.searchDispatchP99),
        times(Number.isFinite(worst) ? worst : undefined),
      ],
    ];
  });
  return table(
    [
      "size",
      "naive build",
      "naive JSON",
      "naive load",
      "naive RSS",
      "naive search p50",
      "**naive search p99**",
      "build ratio",
      "restore ratio",
      "start ratio",
      "RSS ratio",
      "size ratio",
      "/search dispatch p99 ratio",
      "worst command p99 ratio",
    ],
    rows,
  );
}

/** The HTTP load test, per size and endpoint. */
export function httpSection(results: readonly SizeResult[]): string {
  const rows = results.flatMap((r) => {
    const h = r.http;
    if (!h) return [];
    const calibration = [
      r.size,
      "GET /healthz (ceiling of server + load generator)",
      String(h.slack.connections),
      "≤ 5 s",
      count(h.healthz.requestsPerSec),
      "–",
      ms(h.healthz.p50),
      ms(h.healthz.p99),
      "–",
      "–",
      "–",
      "–",
    ];
    return [
      calibration,
      ...[
        h.slack,
        h.discord,
        ...(h.slackUncached ? [h.slackUncached] : []),
        ...(h.slackUncachedCluster ? [h.slackUncachedCluster] : []),
      ].map((e) => [
        r.size,
        e.endpoint,
        String(e.connections),
        `${e.durationSec.toFixed(0)} s`,
        count(e.requestsPerSec),
        `**${count(e.answeredPerSec)}**`,
        ms(e.latency.p50),
        `**${ms(e.latency.p99)}**`,
        ms(e.latency.max),
        e.delivery ? `${ms(e.delivery.p50)} / ${ms(e.delivery.p99)}` : "–",
        `${e.errors}/${e.non2xx}/${e.timeouts}`,
        String(e.refused + (e.undelivered ?? 0)),
      ]),
    ];
  });
  return (
    table(
      [
        "size",
        "endpoint",
        "conns",
        "run",
        "requests/s",
        "**answered/s**",
        "HTTP p50",
        "**HTTP p99**",
        "HTTP max",
        "answer delivered p50 / p99",
        "errors/non-2xx/timeouts",
        "refused or undelivered",
      ],
      rows,
    ) +
    cacheNote(results) +
    questionsNote(results)
  );
}

// Where the questions came from, and what the cluster workers cost in memory.
function questionsNote(results: readonly SizeResult[]): string {
  const notes = results.flatMap((r) => {
    const h = r.http;
    if (!h?.questionSet) return [];
    const set =
      h.questionSet.source === "drawn"
        ? `the ${count(h.questionSet.questions)} questions drawn from the corpus with the seed (cycled)`
        : `the ${count(h.questionSet.questions)} questions of bench/queries.json (cycled)`;
    const cluster = h.slackUncachedCluster;
    const memory = cluster
      ? `; RSS after the load: one process ${mb(h.rssMbUncached)}, ${cluster.workers} cluster workers and their primary ${mb(cluster.rssMbAfterLoad)}`
      : "";
    return [`${r.size}: ${set}${memory}${contention(cluster?.workers, r.machine.cores)}`];
  });
  return notes.length === 0 ? "" : `\n\nQuestions under load and memory: ${notes.join("; ")}.`;
}

// autocannon runs on the same machine and needs a core of its own: with fewer cores than the workers
// plus one, the cluster row shows the workers competing with each other and with it, not scaling.
function contention(workers: number | undefined, cores: number): string {
  if (workers === undefined || cores >= workers + 1) return "";
  return ` (${workers} workers and the load generator shared ${cores} cores: the cluster row measures contention, not what ${workers} workers with a core each would answer)`;
}

// The deployed app answers repeated questions from its answer cache: say how often it did.
function cacheNote(results: readonly SizeResult[]): string {
  const notes = results.flatMap((r) => {
    const c = r.http?.answerCache;
    if (!c) return [];
    const total = c.hits + c.misses;
    const share = total > 0 ? ((100 * c.hits) / total).toFixed(1) : "0";
    return [`${r.size}: ${count(c.hits)} hits, ${count(c.misses)} misses (${share} % hits)`];
  });
  if (notes.length === 0) return "";
  return `\n\nAnswer cache of the deployed app (Slack and Discord rows, warm-up included; the query set repeats, so after its first pass every question is a hit — the "answer cache off" row is the cost of new questions): ${notes.join("; ")}.`;
}

/** The targets against the 19k result. */
export function targetsSection(result: SizeResult): string {
  const rows = checkTargets(result).map((c) => [
    c.target,
    c.measured,
    c.met === undefined ? "–" : c.met ? "yes" : "**no**",
  ]);
  return table(["target (19k, this machine)", "measured", "met"], rows);
}

/**
 * How latency grows from the smallest to the largest Reuters size: warm rendered
 * p50 and p99 per command at each size, and the exponent k of latency ∝ documents^k
 * (sub-linear when k < 1).
 */
export function growthSection(results: readonly SizeResult[]): string | undefined {
  const sized = results
    .filter((r) => r.size !== "seed" && r.serve && r.build)
    .sort((a, b) => (a.build?.counts.documents ?? 0) - (b.build?.counts.documents ?? 0));
  if (sized.length < 2) return undefined;
  const commands = Object.keys(sized[0]?.serve?.commands.byCommand ?? {});
  const rows: string[][] = [];
  const docs = (r: SizeResult) => r.build?.counts.documents ?? 0;
  for (const command of [...commands, "autocomplete"]) {
    for (const k of ["p50", "p99"] as const) {
      const point = (r: SizeResult) => {
        if (command === "autocomplete") return r.serve?.complete.all.warm[k] ?? 0;
        const g = r.serve?.commands.byCommand[command];
        return g ? Math.max(g.warm.discord[k], g.warm.slack[k]) : 0;
      };
      const points = sized.map((r) => ({ documents: docs(r), ms: point(r) }));
      const exponent = growthExponent(points);
      const lastStep = points.length > 2 ? growthExponent(points.slice(-2)) : undefined;
      rows.push([
        command === "autocomplete" ? command : `/${command}`,
        k,
        ...sized.map((r) => ms(point(r))),
        exponent === undefined ? "–" : exponent.toFixed(2),
        lastStep === undefined ? "–" : lastStep.toFixed(2),
      ]);
    }
  }
  return table(
    [
      "command",
      "rendered",
      ...sized.map((r) => `${r.size} (${count(docs(r))} docs, ${r.stamp})`),
      "k (latency ∝ docs^k), smallest → largest",
      "k, last step",
    ],
    rows,
  );
}

/** The slowest queries of a size, for the profiler. */
export function slowestSection(result: SizeResult): string | undefined {
  const slowest = result.serve?.commands.slowest;
  if (!slowest || slowest.length === 0) return undefined;
  return table(
    ["query", "rendered (Slack), warm median", "items"],
    slowest.map((s) => [`\`${s.text}\` (${s.id})`, ms(s.ms), String(s.items)]),
  );
}

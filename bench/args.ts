import { parseArgs } from "node:util";
import { SIZES, type SizeName } from "./corpora.js";
import type { RepeatPlan } from "./measure-latency.js";

/** What `npm run bench` was asked to do. */
export interface BenchOptions {
  sizes: SizeName[];
  quick: boolean;
  skipHttp: boolean;
  skipNaive: boolean;
  /** Write V8 CPU profiles of the build and serve children. */
  cpuProf: boolean;
  /** Where results go (default `bench/results`). */
  outDir: string;
  http: {
    durationSec: number;
    warmupSec: number;
    connections: number;
    logLevel: string;
    /** Cluster workers (WEB_CONCURRENCY) of the extra cache-off app; 1: none. */
    clusterWorkers: number;
  };
  plans: { commands: RepeatPlan; complete: RepeatPlan; naive: RepeatPlan };
  /** The seed each size's query set is drawn from its corpus with. */
  querySeed: number;
}

/** The usage text. */
export const USAGE = `Usage: npm run bench -- [options]
  --sizes seed,1k,5k,19k,100k   corpus sizes to run (default: all of them)
  --quick                       fewer repetitions, 5 s HTTP runs (a smoke run)
  --skip-http                   no HTTP load test
  --skip-naive                  no naive MiniSearch baseline
  --cpu-prof                    write CPU profiles of the build and serve steps (bench/results/profiles/)
  --http-seconds N              measured seconds per endpoint (default 30, 5 with --quick; env BENCH_HTTP_SECONDS)
  --connections N               HTTP concurrency (default 10; env BENCH_HTTP_CONNECTIONS)
  --cluster-workers N           also load, answer cache off, an app of N web workers (WEB_CONCURRENCY; default 2, 1 = skip)
  --out DIR                     results folder (default bench/results)
  --seed N                      seed of the query set drawn from each corpus (default 20261203)
Environment: BENCH_REUTERS (path of reuters21578.jsonl), BENCH_LOG_LEVEL (the app's log level under load, default info).`;

/** Parses the command line (and the BENCH_* variables). Throws with a message on a bad option. */
export function parseBenchArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: "string" },
      quick: { type: "boolean", default: false },
      "skip-http": { type: "boolean", default: false },
      "skip-naive": { type: "boolean", default: false },
      "cpu-prof": { type: "boolean", default: false },
      "http-seconds": { type: "string" },
      connections: { type: "string" },
      "cluster-workers": { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
    },
    strict: true,
  });
  const sizes = (values.sizes ?? SIZES.join(","))
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
  for (const size of sizes) {
    if (!(SIZES as readonly string[]).includes(size)) {
      throw new Error(`Unknown size "${size}": choose from ${SIZES.join(", ")}.`);
    }
  }
  const quick = values.quick === true;
  const durationSec = positive(
    values["http-seconds"] ?? env.BENCH_HTTP_SECONDS,
    quick ? 5 : 30,
    "--http-seconds",
  );
  return {
    sizes: SIZES.filter((s) => sizes.includes(s)),
    quick,
    skipHttp: values["skip-http"] === true,
    skipNaive: values["skip-naive"] === true,
    cpuProf: values["cpu-prof"] === true,
    outDir: values.out ?? "bench/results",
    querySeed: Math.floor(positive(values.seed, 20_261_203, "--seed")),
    http: {
      durationSec,
      warmupSec: quick ? 1 : 3,
      connections: positive(values.connections ?? env.BENCH_HTTP_CONNECTIONS, 10, "--connections"),
      logLevel: env.BENCH_LOG_LEVEL ?? "info",
      clusterWorkers: Math.floor(positive(values["cluster-workers"], 2, "--cluster-workers")),
    },
    plans: quick
      ? {
          commands: { budgetMs: 15_000, minReps: 1, maxReps: 3 },
          complete: { budgetMs: 2_000, minReps: 3, maxReps: 10 },
          naive: { budgetMs: 8_000, minReps: 1, maxReps: 3 },
        }
      : {
          commands: { budgetMs: 60_000, minReps: 3, maxReps: 9 },
          complete: { budgetMs: 10_000, minReps: 5, maxReps: 50 },
          naive: { budgetMs: 30_000, minReps: 3, maxReps: 9 },
        },
  };
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}".`);
  return n;
}

import { mkdir, rm } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { BenchOptions } from "./args.js";
import { runChild } from "./child.js";
import { type CorpusSpec, prepareCorpus, type SizeName } from "./corpora.js";
import { type HttpResult, measureHttp } from "./http-load.js";
import { loadAverageNow, type MachineInfo, machineInfo } from "./machine.js";
import type { BuildInput, BuildResult } from "./measure-build.js";
import type { NaiveQuery, ServeInput, ServeResult } from "./measure-serve.js";
import type { NaiveBuildInput, NaiveBuildResult, NaiveLoadInput, NaiveLoadResult } from "./naive-baseline.js";
import { commandQueries, loadQueries, toInvocation } from "./queries.js";
import { type Ratios, ratiosOf } from "./ratios.js";

/** Everything measured for one corpus size (written as `bench/results/<stamp>-<size>.json`). */
export interface SizeResult {
  size: SizeName;
  /** When the run started (UTC), also in the file name. */
  stamp: string;
  mode: "quick" | "full";
  corpus: { description: string; file: string; synthetic: boolean; documents?: number };
  machine: MachineInfo;
  loadAverageAtEnd: number[];
  wallMs: number;
  build?: BuildResult;
  serve?: ServeResult;
  naive?: { build: NaiveBuildResult; load: NaiveLoadResult };
  http?: HttpResult;
  /** Ours divided by the naive baseline's (below 1: ours is faster or smaller). */
  ratios?: Ratios;
  /** Steps that failed, with why; the others still ran. */
  failures: { step: string; error: string }[];
}

const HEAP_MB = 12_288;

/** Measures one corpus size, each step in its own process; a failed step is recorded, not fatal. */
export async function runSize(
  size: SizeName,
  options: BenchOptions,
  workDir: string,
  stamp: string,
  log: (line: string) => void,
): Promise<SizeResult> {
  const started = performance.now();
  const machine = machineInfo();
  const sizeDir = join(workDir, size);
  await mkdir(sizeDir, { recursive: true });
  const failures: SizeResult["failures"] = [];
  const attempt = async <T>(step: string, work: () => Promise<T>): Promise<T | undefined> => {
    const stepStarted = performance.now();
    log(`[${size}] ${step}…`);
    try {
      const value = await work();
      log(`[${size}] ${step} done in ${((performance.now() - stepStarted) / 1000).toFixed(1)} s`);
      return value;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`[${size}] ${step} FAILED: ${message.split("\n")[0]}`);
      failures.push({ step, error: message.slice(0, 4_000) });
      return undefined;
    }
  };
  const profile = (step: string) =>
    options.cpuProf ? { cpuProfDir: resolve(options.outDir, "profiles", `${stamp}-${size}-${step}`) } : {};

  const corpus = await prepareCorpus(size, sizeDir);
  const result: SizeResult = {
    size,
    stamp,
    mode: options.quick ? "quick" : "full",
    corpus: describe(corpus),
    machine,
    loadAverageAtEnd: [],
    wallMs: 0,
    failures,
  };
  const snapshotDir = join(sizeDir, "snapshot");
  const build = await attempt("build", () =>
    runChild<BuildInput, BuildResult>(
      "build",
      { corpusPath: corpus.path, snapshotDir },
      { heapMb: HEAP_MB, ...profile("build") },
    ),
  );
  if (build) {
    result.build = build;
    const serve = await attempt("serve (start from snapshot, answer the query set)", () =>
      runChild<ServeInput, ServeResult>(
        "serve",
        {
          corpusPath: corpus.path,
          snapshotDir,
          commands: options.plans.commands,
          complete: options.plans.complete,
          querySeed: options.querySeed,
        },
        { heapMb: HEAP_MB, ...profile("serve") },
      ),
    );
    if (serve) result.serve = serve;
  }
  if (!options.skipNaive) {
    const indexPath = join(sizeDir, "naive-index.json");
    const naiveBuilt = await attempt("naive baseline build", () =>
      runChild<NaiveBuildInput, NaiveBuildResult>(
        "naive-build",
        { corpusPath: corpus.path, indexPath },
        { heapMb: HEAP_MB },
      ),
    );
    if (naiveBuilt) {
      const queries = result.serve?.naiveQueries ?? (await searchQueries());
      const naiveLoaded = await attempt("naive baseline load and search", () =>
        runChild<NaiveLoadInput, NaiveLoadResult>(
          "naive-load",
          { indexPath, queries, plan: options.plans.naive },
          { heapMb: HEAP_MB },
        ),
      );
      if (naiveLoaded) result.naive = { build: naiveBuilt, load: naiveLoaded };
    }
    await rm(indexPath, { force: true });
  }
  if (!options.skipHttp && build) {
    const http = await attempt("HTTP load (autocannon)", () =>
      measureHttp({
        corpusPath: corpus.path,
        snapshotDir,
        ...options.http,
        ...(result.serve?.questions ? { questions: result.serve.questions } : {}),
        heapMb: HEAP_MB,
        ...profile("http"),
      }),
    );
    if (http) result.http = http;
  }
  const ratios = ratiosOf(result);
  if (ratios) result.ratios = ratios;
  result.loadAverageAtEnd = loadAverageNow();
  result.wallMs = Math.round(performance.now() - started);
  await rm(sizeDir, { recursive: true, force: true });
  return result;
}

function describe(corpus: CorpusSpec): SizeResult["corpus"] {
  const described: SizeResult["corpus"] = {
    description: corpus.description,
    file: basename(corpus.path),
    synthetic: corpus.synthetic,
  };
  if (corpus.documents !== undefined) described.documents = corpus.documents;
  return described;
}

/** Without a serve step's drawn set: the `/search` queries of the checked-in set, for the naive baseline. */
async function searchQueries(): Promise<NaiveQuery[]> {
  return commandQueries(await loadQueries())
    .filter((q) => q.command === "search")
    .map((q) => ({ command: q.command, query: String(toInvocation(q).args.query ?? "") }))
    .filter((q) => q.query !== "");
}

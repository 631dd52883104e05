import { readFile, stat, writeFile } from "node:fs/promises";
import MiniSearch, { type Options } from "minisearch";
import { loadCorpus } from "../src/core/corpus/load-corpus.js";
import { PassageStore, passageText } from "../src/core/index/passages.js";
import { type MemoryFigures, memoryNow } from "./child.js";
import { type RepeatPlan, repsFor } from "./measure-latency.js";
import type { NaiveQuery } from "./measure-serve.js";
import { sample, seededRandom } from "./query-pick.js";
import { median, roundSummary, type Summary, summarize } from "./stats.js";

/**
 * The naive baseline: plain MiniSearch over the same sentences (our passages),
 * default options but `{ prefix: true, fuzzy: 0.2 }` as search defaults; no
 * analyzers, no boosts, no staged search. Our figures are reported as ratios to it.
 */
export const NAIVE_OPTIONS: Options<{ id: number; text: string }> = {
  fields: ["text"],
  storeFields: [],
  searchOptions: { prefix: true, fuzzy: 0.2 },
};

/** What the naive build is given. */
export interface NaiveBuildInput {
  corpusPath: string;
  /** Where to write the index as JSON. */
  indexPath: string;
}

/** The naive index built once and written as JSON. */
export interface NaiveBuildResult {
  sentences: number;
  /** Reading and parsing the corpus, and segmenting it into our sentences (not part of the naive build). */
  loadAndSegmentMs: number;
  /** Adding every sentence to a fresh MiniSearch. */
  buildMs: number;
  /** `JSON.stringify(mini)` and writing it. */
  writeMs: number;
  bytes: number;
  memoryAfterBuild: MemoryFigures;
}

/** Builds the naive index over our sentences and writes it as JSON. */
export async function naiveBuild(input: NaiveBuildInput): Promise<NaiveBuildResult> {
  const loadStarted = performance.now();
  const { documents } = await loadCorpus(input.corpusPath);
  const passages = new PassageStore(documents).all;
  const sentences = passages.map((p) => ({ id: p.id, text: passageText(p) }));
  const loadAndSegmentMs = performance.now() - loadStarted;
  const buildStarted = performance.now();
  const mini = new MiniSearch(NAIVE_OPTIONS);
  mini.addAll(sentences);
  const buildMs = performance.now() - buildStarted;
  const writeStarted = performance.now();
  await writeFile(input.indexPath, JSON.stringify(mini));
  const writeMs = performance.now() - writeStarted;
  return {
    sentences: sentences.length,
    loadAndSegmentMs,
    buildMs,
    writeMs,
    bytes: (await stat(input.indexPath)).size,
    memoryAfterBuild: memoryNow(),
  };
}

/** What the naive load is given: the index file and the questions' words, per command. */
export interface NaiveLoadInput {
  indexPath: string;
  queries: NaiveQuery[];
  plan: RepeatPlan;
}

/** The naive index loaded in a fresh process, then searched. */
export interface NaiveLoadResult {
  /** Reading the file and `MiniSearch.loadJSON`. */
  loadMs: number;
  memoryAfterLoad: MemoryFigures;
  reps: number;
  /** `mini.search(query)` with the defaults; median of repeated runs per query, over every question. */
  search: { warm: Summary; cold: Summary };
  /** The same, over each command's questions. */
  byCommand: Record<string, { warm: Summary; cold: Summary }>;
}

/** Loads the naive index from JSON and times the `/search` queries against it. */
export async function naiveLoad(input: NaiveLoadInput): Promise<NaiveLoadResult> {
  const started = performance.now();
  const mini = MiniSearch.loadJSON(await readFile(input.indexPath, "utf8"), NAIVE_OPTIONS);
  const loadMs = performance.now() - started;
  const memoryAfterLoad = memoryNow();
  const runs = input.queries.map((): number[] => []);
  const once = (i: number) => {
    const t = performance.now();
    mini.search((input.queries[i] as NaiveQuery).query);
    runs[i]?.push(performance.now() - t);
  };
  const indexes = input.queries.map((_, i) => i);
  const coldStarted = performance.now();
  for (const i of indexes) once(i);
  const reps = repsFor(performance.now() - coldStarted, input.plan);
  const random = seededRandom(13);
  for (let r = 0; r < reps; r++) for (const i of sample(random, indexes, indexes.length)) once(i);
  const summaries = (lists: number[][]) => ({
    warm: roundSummary(summarize(lists.map((l) => median(l.length > 1 ? l.slice(1) : l)))),
    cold: roundSummary(summarize(lists.map((l) => l[0] as number))),
  });
  const byCommand: NaiveLoadResult["byCommand"] = {};
  for (const command of new Set(input.queries.map((q) => q.command))) {
    byCommand[command] = summaries(runs.filter((_, i) => input.queries[i]?.command === command));
  }
  return { loadMs, memoryAfterLoad, reps, search: summaries(runs), byCommand };
}

/**
 * Writes `bench/queries.json`, the fixed query set of the benchmark. Run once
 * (`npx tsx bench/make-queries.ts`) and commit its output; the benchmark never
 * regenerates it, so every run asks the same questions.
 *
 * Queries are drawn, with a fixed seed, from the engine built over the first
 * 1,000 Reuters stories (present in every Reuters size) and from the seed corpus.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Engine, loadEngine } from "../src/core/engine.js";
import { prepareCorpus } from "./corpora.js";
import type { QuerySet } from "./queries.js";
import { drawQueries } from "./query-draw.js";

const SEED = 20_260_106;

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "backstory-queries-"));
  try {
    const reuters = await prepareCorpus("1k", work);
    const seed = await prepareCorpus("seed", work);
    const engines: { reuters: Engine; seed: Engine } = {
      reuters: await loadEngine(reuters.path),
      seed: await loadEngine(seed.path),
    };
    const queries = drawQueries(engines, SEED);
    const set: QuerySet = {
      generator: "bench/make-queries.ts",
      seed: SEED,
      drawnFrom: ["Reuters-21578, Distribution 1.0: first 1,000 stories", "seed corpus (corpus/)"],
      queries,
    };
    const out = fileURLToPath(new URL("./queries.json", import.meta.url));
    await writeFile(out, formatQuerySet(set));
    const byCommand = new Map<string, number>();
    for (const q of queries) {
      const key = q.kind === "command" ? q.command : `complete:${q.source}`;
      byCommand.set(key, (byCommand.get(key) ?? 0) + 1);
    }
    process.stdout.write(`${queries.length} queries written to ${out}\n`);
    for (const [key, n] of byCommand) process.stdout.write(`  ${key}: ${n}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** One query a line, so that a regenerated set diffs readably. */
function formatQuerySet(set: QuerySet): string {
  const head = JSON.stringify({ ...set, queries: [] }, null, 2).replace(/\[\]\n\}$/u, "[\n");
  const lines = set.queries.map((q) => `    ${JSON.stringify(q)}`).join(",\n");
  return `${head}${lines}\n  ]\n}\n`;
}

await main();

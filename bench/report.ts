import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SIZES } from "./corpora.js";
import type { MachineInfo } from "./machine.js";
import {
  buildSection,
  completeSection,
  growthSection,
  httpSection,
  latencySection,
  naivePerCommandSection,
  naiveSection,
  slowestSection,
  startSection,
  targetsSection,
} from "./report-sections.js";
import type { SizeResult } from "./run-size.js";

/** A timestamp for file names: `2026-01-06T0712Z` (UTC, minutes). */
export function runStamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 16).replace(":", "")}Z`;
}

/** Writes a size's result as `<outDir>/<stamp>-<size>.json`; returns its path. */
export async function writeResult(outDir: string, result: SizeResult): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, `${result.stamp}-${result.size}.json`);
  await writeFile(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** The latest earlier result of each size in `outDir` (for growth when a size was not run now). */
export async function latestResults(outDir: string): Promise<Map<string, SizeResult>> {
  const latest = new Map<string, SizeResult>();
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => /^\d{4}-\d\d-\d\dT\d{4}Z-[\w]+\.json$/u.test(n)).sort()) {
    try {
      const result = JSON.parse(await readFile(join(outDir, name), "utf8")) as SizeResult;
      if (result.serve && result.build) latest.set(result.size, result);
    } catch {
      // A file that is not a result is no history.
    }
  }
  return latest;
}

/**
 * The Markdown report of a run: machine and load, then build, start and memory,
 * per-command latency, autocomplete, the naive baseline with our ratios, HTTP
 * load, the targets at 19k, latency growth across sizes and the slowest queries.
 * `history` fills sizes this run skipped in the growth table.
 */
export function markdownReport(
  results: readonly SizeResult[],
  history: ReadonlyMap<string, SizeResult>,
  machine: MachineInfo,
): string {
  const first = results[0];
  const parts: string[] = [];
  parts.push(`## Backstory benchmark — ${first?.stamp ?? "no sizes"} (${first?.mode ?? "?"} run)`);
  parts.push(
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.os}; ` +
      `commit ${machine.commit}. Load average (1/5/15 min) at the start of each size: ` +
      results.map((r) => `${r.size} ${r.machine.loadAverage.join("/")}`).join(" · ") +
      ". Timings are medians of repeated runs per query; percentiles are over queries; " +
      '"rendered" is parse + dispatch + render + JSON for the slower of Discord and Slack.',
  );
  const synthetic = results.filter((r) => r.corpus.synthetic);
  if (synthetic.length > 0) {
    parts.push(`The 100k corpus is synthetic (Reuters repeated with new ids): for memory and growth only.`);
  }
  parts.push("### Build (once per size)", buildSection(results));
  parts.push("### Start from snapshot and memory", startSection(results));
  const drawn = results.find((r) => r.serve?.querySet)?.serve?.querySet;
  parts.push(
    "### Commands: latency, warm and first time after start (answer cache off)",
    latencySection(results),
    `Questions drawn at random from each size's own corpus with seed ${drawn?.seed ?? "?"} (` +
      results.map((r) => `${r.size}: ${r.serve?.querySet?.commands ?? "?"}`).join(", ") +
      " command questions): common and rare words, topics, names, speakers, two- and three-word questions, " +
      "misspellings, stop words only, and words no article has. “p99 … max” are over each question's median of " +
      "its repeated runs (warm); “first time p99” over each question's first run after the start; " +
      "“slowest run” is the worst single run of any question.",
  );
  parts.push("### Autocomplete (`engine.complete`)", completeSection(results));
  if (results.some((r) => r.naive)) {
    parts.push(
      "### Naive baseline (plain MiniSearch over the same sentences, `{ prefix: true, fuzzy: 0.2 }`) and our ratios to it",
      naiveSection(results),
      "Ratios are ours ÷ naive: below 1× is better than the baseline.",
      "Per command, the naive index searching the same questions' words:",
      naivePerCommandSection(results),
    );
  }
  if (results.some((r) => r.http)) parts.push("### HTTP load (autocannon, 127.0.0.1)", httpSection(results));
  const nineteen = results.find((r) => r.size === "19k");
  if (nineteen) parts.push("### Targets", targetsSection(nineteen));
  const merged = new Map(history);
  for (const r of results) merged.set(r.size, r);
  const growth = growthSection(SIZES.flatMap((s) => merged.get(s) ?? []));
  if (growth) parts.push("### Growth with corpus size (warm, rendered)", growth);
  const largest = results.at(-1);
  const slowest = largest ? slowestSection(largest) : undefined;
  if (largest && slowest) parts.push(`### Slowest queries at ${largest.size}`, slowest);
  const failures = results.flatMap((r) =>
    r.failures.map((f) => `- ${r.size} ${f.step}: ${f.error.split("\n")[0]}`),
  );
  if (failures.length > 0) parts.push("### Failed steps", failures.join("\n"));
  return `${parts.join("\n\n")}\n`;
}

/** Writes the Markdown report beside the JSON results; returns its path. */
export async function writeReport(outDir: string, stamp: string, markdown: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, `${stamp}-summary.md`);
  await writeFile(path, markdown);
  return path;
}

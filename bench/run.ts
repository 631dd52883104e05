/**
 * `npm run bench`: measures Backstory at the seed, 1k, 5k, 19k (all Reuters) and
 * synthetic 100k corpus sizes — build and its parts, snapshot size, write and
 * start, memory, per-command latency over the fixed query set, autocomplete, a
 * naive MiniSearch baseline, and HTTP load on the real app — each size (and each
 * step) in its own process. Writes `bench/results/<stamp>-<size>.json` and
 * prints a Markdown summary. See `npm run bench -- --help`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BenchOptions, parseBenchArgs, USAGE } from "./args.js";
import { PROJECT_ROOT } from "./corpora.js";
import { machineInfo } from "./machine.js";
import { latestResults, markdownReport, runStamp, writeReport, writeResult } from "./report.js";
import { runSize, type SizeResult } from "./run-size.js";

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const outDir = resolve(PROJECT_ROOT, options.outDir);
  const stamp = runStamp();
  const machine = machineInfo();
  const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  log(
    `bench ${stamp}: sizes ${options.sizes.join(", ")}; ${options.quick ? "quick" : "full"} run; ` +
      `${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverage.join("/")}`,
  );
  const history = await latestResults(outDir);
  const workDir = await mkdtemp(join(tmpdir(), "backstory-bench-"));
  const results: SizeResult[] = [];
  try {
    for (const size of options.sizes) {
      const result = await runSize(size, { ...options, outDir }, workDir, stamp, log);
      results.push(result);
      log(`[${size}] results: ${await writeResult(outDir, result)}`);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  const markdown = markdownReport(results, history, machine);
  log(`summary: ${await writeReport(outDir, stamp, markdown)}`);
  process.stdout.write(markdown);
  return results.some((r) => r.failures.length > 0) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

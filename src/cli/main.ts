import { existsSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { commands } from "../../commands/index.js";
import { ANSI, PLAIN, renderText } from "../adapters/text/render-text.js";
import { type Config, ConfigError, loadConfig } from "../config.js";
import type { Engine } from "../core/engine.js";
import { fixedEngine } from "../core/engine-source.js";
import { BackstoryError } from "../core/errors.js";
import { createAsker } from "../service/asker.js";
import type { InsightsReport } from "../service/insights/report.js";
import { askText } from "./ask-text.js";
import { exportCommand } from "./export.js";
import { ingestCommand } from "./ingest-command.js";
import { formatReport, insightsReport, parseSince } from "./insights.js";
import { interactive } from "./interactive.js";
import { loadWithProgress } from "./load-with-progress.js";
import { stripControls, terminalSafeAnswer } from "./terminal-safe.js";

const USAGE = `Backstory: cited answers from a folder of news articles.

Usage:
  backstory                               interactive prompt (type /help)
  backstory ask "/quote petro" [--json]   answer one command
  backstory export quotes|timeline|entities [--json|--csv|--timelinejs] [--out FILE]
  backstory insights [--since 7d] [--json|--csv]   what readers asked, what the archive could not answer
  backstory ingest URL…                   add articles: pages, feeds (RSS, Atom, JSON Feed), sitemaps

Options:
  --corpus DIR   the articles to answer from (default: CORPUS_DIR or ./corpus)
  --json         the Answer as JSON (ask) / records as JSON (export, the default)
  --csv          records as CSV (export)
  --timelinejs   the timeline as a TimelineJS 3 file (export timeline)
  --out FILE     write the export to FILE instead of stdout
  --since WHEN   insights since 12h, 7d, 4w or a date like 2026-11-01 (default 7d)
  --help         this text

Commands: ${commands.map((c) => `/${c.name}`).join(" ")}`;

/** Runs the CLI with the given arguments; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let corpusDir: string;
  let config: Config;
  try {
    config = loadConfig();
    corpusDir = values.corpus ?? config.corpusDir;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const [verb, ...rest] = positionals;
  if (verb === "insights") return insights(values, corpusDir);
  if (verb !== undefined && verb !== "ask" && verb !== "export" && verb !== "ingest") {
    process.stderr.write(`Unknown action “${verb}”.\n\n${USAGE}\n`);
    return 2;
  }
  if (verb === "export" && !["quotes", "timeline", "entities"].includes(rest[0] ?? "")) {
    process.stderr.write(`export needs quotes, timeline or entities.\n\n${USAGE}\n`);
    return 2;
  }
  if (verb === "ask" && rest.length === 0) {
    process.stderr.write(`ask needs a command, e.g. backstory ask "/quote petro".\n`);
    return 2;
  }
  if (!existsSync(corpusDir)) {
    process.stderr.write(
      `The corpus ${corpusDir} does not exist: pass --corpus DIR (or set CORPUS_DIR) to a folder of articles.\n`,
    );
    return 2;
  }
  if (verb === "ingest") {
    if (rest.length === 0) {
      process.stderr.write("ingest needs URLs, e.g. backstory ingest https://example.com/rss.xml\n");
      return 2;
    }
    return ingestCommand(corpusDir, rest, config);
  }
  let engine: Engine;
  try {
    engine = await loadWithProgress(corpusDir);
  } catch (error) {
    // A corpus that cannot be listed (a device, a folder without permission) is the user's to fix, not a crash.
    process.stderr.write(
      `Cannot read the corpus ${stripControls(corpusDir)}: ${stripControls((error as Error).message)}\n`,
    );
    return 2;
  }
  if (engine.documents.length === 0) {
    process.stderr.write(`No articles could be read from ${corpusDir}.\n`);
    return 1;
  }
  const asker = createAsker(fixedEngine(engine));
  if (verb === "ask") {
    try {
      const answer = await askText(asker, rest.join(" "));
      const style = process.stdout.isTTY ? ANSI : PLAIN;
      process.stdout.write(
        values.json
          ? `${JSON.stringify(answer, null, 2)}\n`
          : `${renderText(terminalSafeAnswer(answer), style)}\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof BackstoryError) {
        process.stderr.write(`${stripControls(error.userMessage)}\n`);
        return 1;
      }
      throw error;
    }
  }
  if (verb === "export") {
    const format = values.csv ? "csv" : values.timelinejs ? "timelinejs" : "json";
    const output = exportCommand(engine, rest[0] as "quotes" | "timeline" | "entities", format);
    if (!output.ok) {
      process.stderr.write(`${output.message}\n`);
      return 2;
    }
    if (values.out) writeFileSync(values.out, output.text);
    else process.stdout.write(output.text);
    return 0;
  }
  await interactive(asker);
  return 0;
}

async function insights(values: ReturnType<typeof parse>["values"], corpusDir: string): Promise<number> {
  const since = parseSince(values.since ?? "7d", Date.now());
  if (since === undefined) {
    process.stderr.write(
      `--since takes 12h, 7d, 4w or a past date like 2026-11-01, not “${stripControls(values.since ?? "")}”.\n`,
    );
    return 2;
  }
  let report: InsightsReport;
  try {
    const config = { ...loadConfig(), corpusDir };
    report = await insightsReport(config, since, () => loadWithProgress(corpusDir).catch(() => undefined));
  } catch (error) {
    process.stderr.write(`Cannot read the insights database: ${stripControls((error as Error).message)}\n`);
    return 1;
  }
  process.stdout.write(formatReport(report, values.json ? "json" : values.csv ? "csv" : "text"));
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: "string" },
      json: { type: "boolean" },
      csv: { type: "boolean" },
      timelinejs: { type: "boolean" },
      out: { type: "string" },
      since: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

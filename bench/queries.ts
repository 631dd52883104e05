import { readFile } from "node:fs/promises";
import { textToInvocation } from "../commands/text-to-invocation.js";
import type { CompletionSource } from "../src/core/engine.js";
import type { Invocation } from "../src/core/invocation.js";

/** The commands the benchmark asks. */
export const BENCH_COMMANDS = ["search", "why", "quote", "timeline", "who"] as const;
/** A command the benchmark asks. */
export type BenchCommand = (typeof BENCH_COMMANDS)[number];

/** The autocomplete sources the benchmark types into. */
export const COMPLETION_SOURCES = [
  "speakers",
  "entities",
  "topics",
] as const satisfies readonly CompletionSource[];

/** What kind of query it is, so the set covers every shape of question. */
export const CATEGORIES = [
  "speaker",
  "entity",
  "topic",
  "common-word",
  "rare-word",
  "misspelling",
  "multi-word",
  "empty-result",
  "no-argument",
  "prefix",
  "stop-word",
] as const;
/** A query's category. */
export type Category = (typeof CATEGORIES)[number];

/** Which corpus a query was drawn from. */
export type DrawnFrom = "reuters" | "seed" | "corpus" | "none";

/** A slash command as typed, e.g. `/quote volcker about rates`. */
export interface CommandQuery {
  id: string;
  kind: "command";
  command: BenchCommand;
  category: Category;
  from: DrawnFrom;
  /** The command as a user types it in text (Slack, CLI); parsed by `textToInvocation`. */
  text: string;
}

/** An autocomplete request: what a user has typed so far into an option. */
export interface CompleteQuery {
  id: string;
  kind: "complete";
  source: CompletionSource;
  category: Category;
  from: DrawnFrom;
  prefix: string;
}

/** One query of the fixed set. */
export type BenchQuery = CommandQuery | CompleteQuery;

/** The checked-in query set (`bench/queries.json`), written by `bench/make-queries.ts`. */
export interface QuerySet {
  /** How it was made, for the record. */
  generator: string;
  seed: number;
  /** The corpora the queries were drawn from. */
  drawnFrom: string[];
  queries: BenchQuery[];
}

/** Where the query set lives. */
export const QUERIES_PATH = new URL("./queries.json", import.meta.url);

/** Reads and checks the query set. Throws on a malformed file. */
export async function loadQueries(path: URL | string = QUERIES_PATH): Promise<QuerySet> {
  const data = JSON.parse(await readFile(path, "utf8")) as QuerySet;
  if (!Array.isArray(data.queries)) throw new Error(`${String(path)}: no "queries" array`);
  for (const q of data.queries) {
    const ok =
      q.kind === "command"
        ? (BENCH_COMMANDS as readonly string[]).includes(q.command) && typeof q.text === "string"
        : q.kind === "complete" &&
          (COMPLETION_SOURCES as readonly string[]).includes(q.source) &&
          typeof q.prefix === "string";
    if (!ok || !(CATEGORIES as readonly string[]).includes(q.category)) {
      throw new Error(`${String(path)}: malformed query ${JSON.stringify(q)}`);
    }
  }
  return data;
}

/** The command queries of a set. */
export function commandQueries(set: QuerySet): CommandQuery[] {
  return set.queries.filter((q): q is CommandQuery => q.kind === "command");
}

/** The autocomplete queries of a set. */
export function completeQueries(set: QuerySet): CompleteQuery[] {
  return set.queries.filter((q): q is CompleteQuery => q.kind === "complete");
}

/** The invocation a command query asks, parsed as the Slack adapter and the CLI parse text. */
export function toInvocation(query: CommandQuery, platform: Invocation["platform"] = "cli"): Invocation {
  const parsed = textToInvocation(query.text, { platform: "cli" });
  return { command: parsed.command, args: parsed.args, platform };
}

import { warmUpCommands } from "../commands/warm-up.js";
import { loadOrBuildEngine } from "../src/core/snapshot/index.js";
import { type MemoryFigures, memoryNow } from "./child.js";
import {
  type CommandLatency,
  type CompleteLatency,
  measureCommands,
  measureComplete,
  type Renderers,
  type RepeatPlan,
} from "./measure-latency.js";
import { type BenchCommand, type CommandQuery, type CompleteQuery, toInvocation } from "./queries.js";
import { drawCorpusQueries } from "./query-draw.js";

/** What the serving measurement is given. */
export interface ServeInput {
  corpusPath: string;
  /** Holds the snapshot the build step wrote. */
  snapshotDir: string;
  commands: RepeatPlan;
  complete: RepeatPlan;
  /** The seed the query set is drawn from the corpus with. */
  querySeed: number;
}

/** A question of the drawn set as the naive baseline searches it: the words of its options. */
export interface NaiveQuery {
  command: BenchCommand;
  query: string;
}

/** Start from a snapshot in a fresh process, then answer the query set. */
export interface ServeResult {
  /** `loadOrBuildEngine` end to end: corpus fingerprint, read, parse and restore. */
  startMs: number;
  /** Reading and restoring the snapshot alone (`engine.stats.timings.snapshotLoad`). */
  snapshotLoadMs: number;
  /** Warming the engine up before its first question (`engine.stats.timings.warmUp`), part of the start. */
  warmUpMs?: number;
  /** Since the process started (includes Node, tsx and module loading). */
  readySinceProcessStartMs: number;
  /** Heap and RSS once the engine is loaded, before any question (renderers not yet imported). */
  memoryAfterLoad: MemoryFigures;
  /** After the whole query set has been answered. */
  memoryAfterQueries: MemoryFigures;
  /** The query set drawn from this corpus: its seed and size. */
  querySet: { seed: number; commands: number; complete: number };
  commands: CommandLatency;
  complete: CompleteLatency;
  /** The same questions for the naive baseline (its words, per command). */
  naiveQueries: NaiveQuery[];
  /** The same questions as typed in Slack ("/search oil"), for the HTTP step. */
  questions: string[];
}

/** Loads the engine as the app starts (snapshot first), then measures every command and autocomplete. */
export async function measureServe(input: ServeInput): Promise<ServeResult> {
  const started = performance.now();
  const { engine, origin } = await loadOrBuildEngine(input.corpusPath, {
    snapshotDir: input.snapshotDir,
    write: false,
    // As the app starts (src/entry/start-service.ts).
    warmUp: warmUpCommands,
  });
  const startMs = performance.now() - started;
  const readySinceProcessStartMs = performance.now();
  if (origin !== "snapshot") throw new Error(`expected to start from the snapshot in ${input.snapshotDir}`);
  const memoryAfterLoad = memoryNow();
  const renderers = await loadRenderers();
  const set = drawCorpusQueries(engine, input.querySeed);
  const commandSet = set.filter((q): q is CommandQuery => q.kind === "command");
  const completeSet = set.filter((q): q is CompleteQuery => q.kind === "complete");
  const commands = measureCommands(engine, commandSet, renderers, input.commands);
  const complete = measureComplete(engine, completeSet, input.complete);
  return {
    startMs,
    snapshotLoadMs: engine.stats.timings.snapshotLoad ?? Number.NaN,
    warmUpMs: engine.stats.timings.warmUp ?? Number.NaN,
    readySinceProcessStartMs,
    memoryAfterLoad,
    memoryAfterQueries: memoryNow(),
    querySet: { seed: input.querySeed, commands: commandSet.length, complete: completeSet.length },
    commands,
    complete,
    questions: commandSet.map((q) => q.text),
    naiveQueries: commandSet.flatMap((q) => {
      const words = Object.values(toInvocation(q).args)
        .filter((value): value is string => typeof value === "string")
        .join(" ");
      return words.trim() === "" ? [] : [{ command: q.command, query: words }];
    }),
  };
}

/** The adapters' renderers, called as the adapters call them for a private answer. */
async function loadRenderers(): Promise<Renderers> {
  const [{ renderDiscordAnswer }, { renderSlackAnswer }] = await Promise.all([
    import("../src/adapters/discord/index.js"),
    import("../src/adapters/slack/index.js"),
  ]);
  return {
    discord: (answer, invocation) =>
      renderDiscordAnswer(answer, { args: invocation.args, visibility: "private" }),
    slack: (answer, invocation) =>
      renderSlackAnswer(answer, {
        args: invocation.args,
        visibility: "private",
      }),
  };
}

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
import { commandQueries, completeQueries, loadQueries } from "./queries.js";

/** What the serving measurement is given. */
export interface ServeInput {
  corpusPath: string;
  /** Holds the snapshot the build step wrote. */
  snapshotDir: string;
  commands: RepeatPlan;
  complete: RepeatPlan;
}

/** Start from a snapshot in a fresh process, then answer the query set. */
export interface ServeResult {
  /** `loadOrBuildEngine` end to end: corpus fingerprint, read, parse and restore. */
  startMs: number;
  /** Reading and restoring the snapshot alone (`engine.stats.timings.snapshotLoad`). */
  snapshotLoadMs: number;
  /** Since the process started (includes Node, tsx and module loading). */
  readySinceProcessStartMs: number;
  /** Heap and RSS once the engine is loaded, before any question (renderers not yet imported). */
  memoryAfterLoad: MemoryFigures;
  /** After the whole query set has been answered. */
  memoryAfterQueries: MemoryFigures;
  commands: CommandLatency;
  complete: CompleteLatency;
}

/** Loads the engine as the app starts (snapshot first), then measures every command and autocomplete. */
export async function measureServe(input: ServeInput): Promise<ServeResult> {
  const started = performance.now();
  const { engine, origin } = await loadOrBuildEngine(input.corpusPath, {
    snapshotDir: input.snapshotDir,
    write: false,
  });
  const startMs = performance.now() - started;
  const readySinceProcessStartMs = performance.now();
  if (origin !== "snapshot") throw new Error(`expected to start from the snapshot in ${input.snapshotDir}`);
  const memoryAfterLoad = memoryNow();
  const renderers = await loadRenderers();
  const set = await loadQueries();
  const commands = measureCommands(engine, commandQueries(set), renderers, input.commands);
  const complete = measureComplete(engine, completeQueries(set), input.complete);
  return {
    startMs,
    snapshotLoadMs: engine.stats.timings.snapshotLoad ?? Number.NaN,
    readySinceProcessStartMs,
    memoryAfterLoad,
    memoryAfterQueries: memoryNow(),
    commands,
    complete,
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

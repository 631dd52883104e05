import { stat } from "node:fs/promises";
import { loadEngine } from "../src/core/engine.js";
import { corpusFingerprint } from "../src/core/snapshot/fingerprint.js";
import { saveSnapshot } from "../src/core/snapshot/index.js";
import { type MemoryFigures, memoryNow } from "./child.js";

/** What the build measurement is given. */
export interface BuildInput {
  corpusPath: string;
  snapshotDir: string;
}

/** A full build and its snapshot, measured once. */
export interface BuildResult {
  counts: Record<string, number>;
  /**
   * Milliseconds per step as the engine reports them (`engine.stats.timings`:
   * load, passages, entities, quotes, events, index, completions, …).
   */
  steps: Record<string, number>;
  /** `loadEngine` end to end: read and parse the corpus, then build. */
  totalMs: number;
  /** The build alone (total minus reading the corpus). */
  buildMs: number;
  /** Hashing the corpus for the snapshot key. */
  fingerprintMs: number;
  snapshot: {
    path: string;
    bytes: number;
    /** Serialize and write (`saveSnapshot`), as measured around the call. */
    writeMs: number;
  };
  /** This process after the build and the snapshot, after a full GC. */
  memoryAfterBuild: MemoryFigures;
}

/** Builds the engine of a corpus the way the app does (`loadEngine`), then writes its snapshot. */
export async function measureBuild(input: BuildInput): Promise<BuildResult> {
  const started = performance.now();
  const engine = await loadEngine(input.corpusPath);
  const totalMs = performance.now() - started;
  const steps = { ...engine.stats.timings };
  const fingerprintStarted = performance.now();
  const key = await corpusFingerprint(input.corpusPath);
  const fingerprintMs = performance.now() - fingerprintStarted;
  const writeStarted = performance.now();
  const path = await saveSnapshot(engine, input.snapshotDir, key);
  const writeMs = performance.now() - writeStarted;
  const { timings: _timings, ...counts } = engine.stats;
  return {
    counts,
    steps,
    totalMs,
    buildMs: totalMs - (steps.load ?? 0),
    fingerprintMs,
    snapshot: { path, bytes: (await stat(path)).size, writeMs },
    memoryAfterBuild: memoryNow(),
  };
}

import { isAscii } from "node:buffer";
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { warmUp } from "../answers/warm-up.js";
import { type Engine, loadEngine } from "../engine.js";
import { corpusFingerprint } from "./fingerprint.js";
import { engineFromSnapshot, engineToSnapshot, type SnapshotJSON } from "./serialize.js";

/** How an engine came to be. */
export type EngineOrigin = "snapshot" | "build";

/** Options of loadOrBuildEngine. */
export interface SnapshotOptions {
  /** Folder holding snapshots; absent → never read or write snapshots. */
  snapshotDir?: string;
  logger?: Logger;
  /** Write a snapshot after building (default true when snapshotDir is set). */
  write?: boolean;
  /** More warm-up after the engine's own (the commands', see `warmUpCommands`). */
  warmUp?: (engine: Engine) => void;
  /**
   * Build the index when there is no fresh snapshot (default true). False for replicas
   * and shards, which read the one snapshot built by the release phase: a missing or
   * corrupt snapshot is then an error (a SnapshotMissingError), not a build per process.
   */
  build?: boolean;
}

/** Thrown when only a snapshot may be read and there is none for the corpus as it is. */
export class SnapshotMissingError extends Error {
  constructor(snapshotDir: string | undefined, reason: string) {
    super(
      `No usable index snapshot for this corpus in ${snapshotDir ?? "(no SNAPSHOT_DIR)"} (${reason}): ` +
        "build it once with `npm run index` (the release phase) into the shared SNAPSHOT_DIR.",
    );
    this.name = "SnapshotMissingError";
  }
}

const PREFIX = "snapshot-";

/** The snapshot file for a corpus key (its index postings are beside it, see `postingsPath`). */
export function snapshotPath(snapshotDir: string, key: string): string {
  return join(snapshotDir, `${PREFIX}${key}.json`);
}

/** The binary file of a snapshot's index postings: read as they are, nothing parsed. */
export function postingsPath(snapshotDir: string, key: string): string {
  return join(snapshotDir, `${PREFIX}${key}.postings`);
}

/**
 * Loads the engine for a corpus from a fresh snapshot when one exists (keyed by
 * the corpus content and the build options), else builds it and writes one.
 * A stale snapshot is ignored and a corrupt one rebuilt; a half-built engine is
 * never returned, and a half-written snapshot never read (written aside, then renamed).
 * Either way the engine is warmed up (see `warmUp`) before it is returned.
 */
export async function loadOrBuildEngine(
  corpusDir: string,
  options: SnapshotOptions = {},
): Promise<{ engine: Engine; origin: EngineOrigin; key: string }> {
  const key = await corpusFingerprint(corpusDir);
  if (options.snapshotDir) {
    const started = performance.now();
    const restored = await readSnapshot(options.snapshotDir, key).catch((error: Error) => {
      if (options.build === false) throw new SnapshotMissingError(options.snapshotDir, error.message);
      options.logger?.warn(
        { err: error.message, snapshotDir: options.snapshotDir },
        "snapshot unreadable; rebuilding",
      );
      return undefined;
    });
    if (restored) {
      restored.stats.timings.snapshotLoad = Math.round(performance.now() - started);
      restored.stats.timings.warmUp = warmedUp(restored, options);
      return { engine: restored, origin: "snapshot", key };
    }
  }
  if (options.build === false) throw new SnapshotMissingError(options.snapshotDir, "none written yet");
  const engine = await loadEngine(corpusDir);
  if (options.snapshotDir && options.write !== false) {
    await saveSnapshot(engine, options.snapshotDir, key).catch((error: Error) => {
      options.logger?.warn({ err: error.message }, "could not write the index snapshot");
    });
  }
  engine.stats.timings.warmUp = warmedUp(engine, options);
  return { engine, origin: "build", key };
}

/** Warms an engine up (its own warm-up, then the caller's); returns the milliseconds it took. */
function warmedUp(engine: Engine, options: SnapshotOptions): number {
  const started = performance.now();
  warmUp(engine);
  options.warmUp?.(engine);
  return Math.round(performance.now() - started);
}

/** Whether a snapshot of the corpus as it is now is in `snapshotDir` (not whether it reads). */
export async function hasSnapshot(corpusDir: string, snapshotDir: string): Promise<boolean> {
  const key = await corpusFingerprint(corpusDir);
  try {
    await access(postingsPath(snapshotDir, key));
    await access(snapshotPath(snapshotDir, key));
    return true;
  } catch {
    return false;
  }
}

/** Builds the engine of a corpus and writes its snapshot; returns the snapshot's path. */
export async function writeSnapshot(
  corpusDir: string,
  snapshotDir: string,
): Promise<{ engine: Engine; path: string }> {
  const key = await corpusFingerprint(corpusDir);
  const engine = await loadEngine(corpusDir);
  return { engine, path: await saveSnapshot(engine, snapshotDir, key) };
}

/** Writes an engine's snapshot under a key, replacing older snapshots. */
export async function saveSnapshot(engine: Engine, snapshotDir: string, key: string): Promise<string> {
  await mkdir(snapshotDir, { recursive: true });
  const path = snapshotPath(snapshotDir, key);
  const binary = postingsPath(snapshotDir, key);
  const started = performance.now();
  const { json, postings } = engineToSnapshot(engine, key);
  // The postings first: a snapshot file is only ever there with the postings it was written with.
  await writeFile(`${binary}.${process.pid}.tmp`, postings);
  await rename(`${binary}.${process.pid}.tmp`, binary);
  await writeFile(`${path}.${process.pid}.tmp`, asciiJSON(json));
  await rename(`${path}.${process.pid}.tmp`, path);
  engine.stats.timings.snapshotWrite = Math.round(performance.now() - started);
  for (const name of await readdir(snapshotDir)) {
    const file = join(snapshotDir, name);
    if (name.startsWith(PREFIX) && file !== path && file !== binary && !name.endsWith(".tmp")) {
      await rm(join(snapshotDir, name), { force: true });
    }
  }
  return path;
}

/** Reads the snapshot for a key: undefined when there is none; throws when it is corrupt. */
async function readSnapshot(snapshotDir: string, key: string): Promise<Engine | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(snapshotPath(snapshotDir, key));
  } catch {
    return undefined;
  }
  const json = JSON.parse(textOf(bytes)) as SnapshotJSON;
  if (json?.key !== key) throw new Error("snapshot key does not match its file name");
  const postings = await readFile(postingsPath(snapshotDir, key));
  return engineFromSnapshot({ json, postings });
}

/** JSON with every non-ASCII character escaped: the file is ASCII, read back without UTF-8 decoding. */
function asciiJSON(value: unknown): string {
  return JSON.stringify(value).replace(
    // Per UTF-16 unit (no u flag): a character outside the BMP becomes its two escaped surrogates.
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

// ASCII bytes are their own Latin-1 string, copied as they are; anything else is decoded as UTF-8.
function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

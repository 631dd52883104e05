import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { packageRoot } from "../../src/service/app-paths.js";

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** A running entrypoint and what it has printed. */
export interface SpawnedEntry {
  child: ChildProcess;
  /** Every stdout line so far, JSON-parsed when it is JSON. */
  lines: Record<string, unknown>[];
  stderr(): string;
  /** Resolves with the first stdout line (JSON) that satisfies `check`. */
  waitForLine(
    check: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/**
 * Runs an entrypoint (a path from the package root, e.g. `src/entry/start.ts`)
 * as `node --import tsx`, with only `env` (plus PATH), JSON logs, and a temporary
 * working directory (so a developer's `.env` never leaks in) that also holds the
 * snapshots unless `env` says otherwise; it is removed once the process has exited.
 */
export async function spawnEntry(entry: string, env: Record<string, string>): Promise<SpawnedEntry> {
  const cwd = await mkdtemp(join(tmpdir(), "backstory-cwd-"));
  const child = spawn(process.execPath, ["--import", tsxLoader, join(packageRoot(), entry)], {
    cwd,
    env: {
      PATH: process.env.PATH ?? "",
      LOG_FORMAT: "json",
      SNAPSHOT_DIR: join(cwd, "snapshots"),
      DATA_DIR: join(cwd, "data"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters = new Set<(line: Record<string, unknown>) => void>();
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      line = { msg: text };
    }
    lines.push(line);
    for (const waiter of waiters) waiter(line);
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | string>((resolve) => {
    // "close", not "exit": every line printed has been read by then.
    child.once("close", (code, signal) => {
      void rm(cwd, { recursive: true, force: true }).finally(() => resolve(code ?? signal ?? "unknown"));
    });
  });
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitForLine: (check, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const found = lines.find(check);
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching line within ${timeoutMs} ms; stderr: ${stderr.slice(0, 2000)}`));
        }, timeoutMs);
        const waiter = (line: Record<string, unknown>) => {
          if (!check(line)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(line);
        };
        waiters.add(waiter);
        void exited.then(() => {
          if (!waiters.has(waiter)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(new Error(`exited before a matching line; stderr: ${stderr.slice(0, 2000)}`));
        });
      }),
  };
}

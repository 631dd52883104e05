import { type FSWatcher, statSync, watch } from "node:fs";
import { basename } from "node:path";
import type { Logger } from "pino";

/** Options of watchCorpus. */
export interface CorpusWatchOptions {
  /** Quiet time after the last change before `onChange` is called. */
  debounceMs: number;
  logger: Logger;
  /** Called once per burst of changes, with a few of the changed paths. */
  onChange: (changed: string[]) => void;
  /** How often the folder itself is checked (still there, still the same folder). Default 1 s. */
  checkMs?: number;
}

/** What the watch is doing, for `/readyz`. */
export interface CorpusWatchStatus {
  /** Changes to the corpus are being seen. */
  watching: boolean;
  /** `waiting`: the folder is gone (or cannot be watched) and is looked for every `checkMs`. */
  state: "watching" | "waiting" | "closed";
  dir: string;
  /** Since when (ISO time). */
  since: string;
  /** Why it is not watching. */
  reason?: string;
}

/** A running watch; `close()` stops it and cancels a pending call. */
export interface CorpusWatch {
  status(): CorpusWatchStatus;
  /** Checks the folder now (a SIGHUP reload calls it) instead of at the next tick. */
  recheck(): void;
  close(): void;
}

// Editors write swap and backup files beside the ones they save; the loader ignores them too.
function isNoise(path: string): boolean {
  const name = basename(path);
  return name.startsWith(".") || name.endsWith("~") || /\.(swp|swx|tmp|crdownload|part)$/iu.test(name);
}

/**
 * The folder's identity: a folder deleted and made again (or swapped by a
 * rename) is another one, even when the file system reuses its inode number
 * (the birth time differs then).
 */
function folderIdentity(dir: string): string | undefined {
  try {
    const info = statSync(dir);
    return info.isDirectory() ? `${info.dev}:${info.ino}:${info.birthtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Watches a corpus folder and its subfolders, calling `onChange` once a burst
 * of changes (an editor's save, a sync of many files) has been quiet for
 * `debounceMs`. An inotify watch dies silently with its folder, so the folder
 * is checked every `checkMs`: when it is deleted or replaced (`rm -rf corpus;
 * mkdir corpus`, a deploy's rename), the watch says so (`waiting`), looks for
 * the folder again, re-arms on the new one, logs it, and calls `onChange` (its
 * files are new). A watch that cannot start (too many watches) keeps retrying.
 */
export function watchCorpus(dir: string, options: CorpusWatchOptions): CorpusWatch {
  const { logger } = options;
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  let watcher: FSWatcher | undefined;
  let identity: string | undefined;
  let status: CorpusWatchStatus = { watching: false, state: "waiting", dir, since: new Date().toISOString() };

  const flush = (): void => {
    timer = undefined;
    const paths = [...changed].slice(0, 10);
    changed.clear();
    options.onChange(paths);
  };
  const noteChange = (path: string): void => {
    changed.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };
  const setStatus = (state: CorpusWatchStatus["state"], reason?: string): void => {
    status = { watching: state === "watching", state, dir, since: new Date().toISOString() };
    if (reason) status.reason = reason;
  };

  const disarm = (reason: string): void => {
    watcher?.close();
    watcher = undefined;
    identity = undefined;
    setStatus("waiting", reason);
    logger.warn({ dir, reason }, "not watching the corpus: looking for the folder again");
  };

  const arm = (): boolean => {
    const found = folderIdentity(dir);
    if (!found) return false;
    try {
      watcher = watch(dir, { recursive: true, persistent: false }, (event, filename) => {
        const path = filename === null ? "" : String(filename);
        // The folder itself renamed or deleted: see to it now rather than at the next tick.
        if (event === "rename" && path === "") setImmediate(check);
        if (path !== "" && isNoise(path)) return;
        noteChange(path || "(unknown)");
      });
    } catch (error) {
      if (status.reason !== (error as Error).message) {
        logger.error({ err: error, dir }, "cannot watch the corpus; retrying, and SIGHUP still reloads");
      }
      setStatus("waiting", (error as Error).message);
      return false;
    }
    watcher.on("error", (error) => {
      logger.error({ err: error, dir }, "the corpus watch failed");
      disarm(error.message);
    });
    identity = found;
    setStatus("watching");
    return true;
  };

  const check = (): void => {
    if (status.state === "closed") return;
    if (watcher) {
      const now = folderIdentity(dir);
      if (now === identity) return;
      disarm(now === undefined ? "the corpus folder is gone" : "the corpus folder was replaced");
    }
    if (arm()) {
      logger.info({ dir }, "watching the corpus again: the folder is back");
      noteChange("(folder re-created)");
    }
  };

  if (arm()) logger.info({ dir, debounceMs: options.debounceMs }, "watching the corpus for changes");
  else logger.error({ dir }, "cannot watch the corpus yet; looking for it every check");
  const ticker = setInterval(check, options.checkMs ?? 1000);
  ticker.unref();

  return {
    status: () => ({ ...status }),
    recheck: check,
    close: () => {
      clearInterval(ticker);
      if (timer) clearTimeout(timer);
      timer = undefined;
      watcher?.close();
      watcher = undefined;
      setStatus("closed");
    },
  };
}

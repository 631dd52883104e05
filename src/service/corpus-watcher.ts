import { type FSWatcher, watch } from "node:fs";
import { basename } from "node:path";
import type { Logger } from "pino";

/** Options of watchCorpus. */
export interface CorpusWatchOptions {
  /** Quiet time after the last change before `onChange` is called. */
  debounceMs: number;
  logger: Logger;
  /** Called once per burst of changes, with a few of the changed paths. */
  onChange: (changed: string[]) => void;
}

/** A running watch; `close()` stops it and cancels a pending call. */
export interface CorpusWatch {
  close(): void;
}

// Editors write swap and backup files beside the ones they save; the loader ignores them too.
function isNoise(path: string): boolean {
  const name = basename(path);
  return name.startsWith(".") || name.endsWith("~") || /\.(swp|swx|tmp|crdownload|part)$/iu.test(name);
}

/**
 * Watches a corpus folder and its subfolders, calling `onChange` once a burst
 * of changes (an editor's save, a sync of many files) has been quiet for
 * `debounceMs`. If watching fails (the folder vanished, too many watches), it
 * logs why and stops; SIGHUP still reloads.
 */
export function watchCorpus(dir: string, options: CorpusWatchOptions): CorpusWatch {
  const { logger } = options;
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  let watcher: FSWatcher | undefined;

  const flush = (): void => {
    timer = undefined;
    const paths = [...changed].slice(0, 10);
    changed.clear();
    options.onChange(paths);
  };

  try {
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, filename) => {
      const path = filename === null ? "" : String(filename);
      if (path !== "" && isNoise(path)) return;
      changed.add(path || "(unknown)");
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, options.debounceMs);
    });
    watcher.on("error", (error) => {
      logger.error({ err: error, dir }, "stopped watching the corpus; send SIGHUP to reload");
      watcher?.close();
    });
    logger.info({ dir, debounceMs: options.debounceMs }, "watching the corpus for changes");
  } catch (error) {
    logger.error({ err: error, dir }, "cannot watch the corpus; send SIGHUP to reload");
  }

  return {
    close: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      watcher?.close();
    },
  };
}

import { type Engine, loadEngine } from "../core/engine.js";
import { stripControls } from "./terminal-safe.js";

/**
 * Loads the engine, showing progress on a terminal and a one-line summary when
 * done (documents, passages, quotes, events, time) on stderr, so stdout stays
 * clean for answers and exports.
 */
export async function loadWithProgress(
  corpusDir: string,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<Engine> {
  const tty = stderr.isTTY === true;
  const started = performance.now();
  let lastDraw = 0;
  const engine = await loadEngine(corpusDir, {
    onProgress: ({ filesDone, filesTotal, documents }) => {
      const now = performance.now();
      if (!tty || now - lastDraw < 100) return;
      lastDraw = now;
      stderr.write(
        `\rReading ${filesDone}/${filesTotal} files · ${documents.toLocaleString("en")} documents…`,
      );
    },
  });
  if (tty) stderr.write("\r\u001b[2K");
  for (const warning of engine.warnings.slice(0, 20))
    stderr.write(`warning: ${stripControls(`${warning.file}: ${warning.reason}`)}\n`);
  if (engine.warnings.length > 20) stderr.write(`warning: … and ${engine.warnings.length - 20} more\n`);
  const s = engine.stats;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const n = (x: number) => x.toLocaleString("en");
  stderr.write(
    `Loaded ${n(s.documents)} documents · ${n(s.passages)} passages · ${n(s.quotes)} quotes · ${n(s.events)} events · ${n(s.entities)} entities in ${seconds} s\n`,
  );
  return engine;
}

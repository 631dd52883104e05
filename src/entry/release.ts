// Procfile `release` and `npm run index`: build the index snapshot and migrate the database, then exit.
import { writeSnapshot } from "../core/snapshot/index.js";
import { createLogger } from "../logger.js";
import { readConfigOrExit } from "./environment.js";
import { openStore } from "./open-store.js";

const config = readConfigOrExit();
const logger = createLogger({
  level: config.logLevel,
  ...(config.logFormat ? { pretty: config.logFormat === "pretty" } : {}),
});
const started = performance.now();
try {
  const { engine, path } = await writeSnapshot(config.corpusDir, config.snapshotDir);
  const { documents, passages, quotes, events, entities, warnings } = engine.stats;
  for (const warning of engine.warnings) logger.warn({ file: warning.file }, warning.reason);
  logger.info(
    {
      path,
      documents,
      passages,
      quotes,
      events,
      entities,
      warnings,
      ms: Math.round(performance.now() - started),
    },
    `index snapshot written to ${path}`,
  );
  // The release step also brings the database schema up to date, before any web process starts.
  const store = await openStore(config, logger);
  await store?.close();
  // A PostgreSQL that cannot be migrated fails the release, so no web process starts on an old schema.
  if (!store && config.databaseUrl) process.exitCode = 1;
  logger.flush();
} catch (error) {
  logger.fatal({ err: error, corpusDir: config.corpusDir }, "could not build the index snapshot");
  logger.flush();
  process.exitCode = 1;
}

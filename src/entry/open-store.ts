import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Database } from "../store/database.js";
import { openMigratedDatabase, sqliteFile } from "../store/open-database.js";

/**
 * Opens the database the configuration names and brings its schema up to date. A database that
 * cannot be opened never stops the service from answering: the problem is logged once and the
 * stored features (feedback, insights, follows, installs) run without it.
 */
export async function openStore(config: Config, logger: Logger): Promise<Database | undefined> {
  const where = config.databaseUrl ? describeUrl(config.databaseUrl) : sqliteFile(config.dataDir);
  try {
    const { db, migrated } = await openMigratedDatabase({
      dataDir: config.dataDir,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    });
    for (const m of migrated.applied) {
      logger.info(
        { feature: m.feature, version: m.version },
        `database migrated: ${m.feature} v${m.version} (${m.description})`,
      );
    }
    logger.info({ database: db.kind, where }, `database: ${db.kind} at ${where}`);
    return db;
  } catch (error) {
    logger.error(
      { err: error, where },
      `the database at ${where} could not be opened: answering goes on, but nothing is stored (feedback, insights, follows, installs)`,
    );
    return undefined;
  }
}

// The host and database name only: a URL may carry a password, which never reaches a log.
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
  } catch {
    return "postgres (unparsable URL)";
  }
}

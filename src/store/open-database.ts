import { join } from "node:path";
import type { Database } from "./database.js";
import { type Migration, type MigrationReport, migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";
import { openPostgresDatabase } from "./postgres-database.js";
import { openSqliteDatabase } from "./sqlite-database.js";

/** Where the database is. */
export interface DatabaseLocation {
  /** A `postgres://` URL: PostgreSQL. Unset: SQLite in `dataDir`. */
  databaseUrl?: string;
  /** Folder of the embedded SQLite file `backstory.sqlite`. */
  dataDir: string;
}

/** The SQLite file used when no `DATABASE_URL` is set. */
export function sqliteFile(dataDir: string): string {
  return join(dataDir, "backstory.sqlite");
}

/** Opens the configured database (no migrations). */
export function openDatabase(location: DatabaseLocation): Database {
  return location.databaseUrl
    ? openPostgresDatabase(location.databaseUrl)
    : openSqliteDatabase(sqliteFile(location.dataDir));
}

/**
 * Opens the configured database and brings its schema up to date; closes it again if the
 * migrations fail.
 */
export async function openMigratedDatabase(
  location: DatabaseLocation,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ db: Database; migrated: MigrationReport }> {
  const db = openDatabase(location);
  try {
    return { db, migrated: await migrate(db, migrations) };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

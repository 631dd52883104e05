import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Database } from "../../src/store/database.js";
import { openDatabase } from "../../src/store/open-database.js";
import { runsWithPostgres, startPostgres, type TestPostgres } from "./postgres.js";

/** One engine a database contract runs on. */
export interface DatabaseEngine {
  name: "SQLite" | "PostgreSQL";
  /** A fresh, empty database (closed after the test); pass it through your migrations. */
  open(): Database;
  /** Where it lives, as `openDatabase` takes it, for code that opens its own connection. */
  location(): { databaseUrl?: string; dataDir: string };
}

/**
 * The engines a repository contract must pass on: SQLite always, PostgreSQL when the server is
 * installed (always under CI). Call once at the top of a test file, then
 * `describe.each(databaseEngines())("on %s", …)` or loop. One PostgreSQL cluster serves the file;
 * every `open()` gets its own database, so tests never see each other's rows.
 */
export function databaseEngines(): DatabaseEngine[] {
  let postgres: TestPostgres | undefined;
  const opened: Database[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close().catch(() => undefined);
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const sqliteLocation = () => {
    const dir = mkdtempSync(join(tmpdir(), "backstory-db-"));
    folders.push(dir);
    return { dataDir: dir };
  };
  const engines: DatabaseEngine[] = [
    {
      name: "SQLite",
      location: sqliteLocation,
      open() {
        const db = openDatabase(sqliteLocation());
        opened.push(db);
        return db;
      },
    },
  ];
  if (runsWithPostgres("the database contract")) {
    beforeAll(async () => {
      postgres = await startPostgres();
    });
    afterAll(() => postgres?.stop());
    const pgLocation = () => {
      if (!postgres) throw new Error("the test PostgreSQL server did not start");
      return { databaseUrl: postgres.createDatabase(), dataDir: tmpdir() };
    };
    engines.push({
      name: "PostgreSQL",
      location: pgLocation,
      open() {
        const db = openDatabase(pgLocation());
        opened.push(db);
        return db;
      },
    });
  }
  return engines;
}

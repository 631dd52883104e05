import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { type Migration, migrate, SchemaTooNewError } from "../../src/store/migrate.js";
import { databaseEngines } from "../helpers/databases.js";

const notes: Migration[] = [
  {
    feature: "notes",
    version: 1,
    description: "notes table",
    sqlite: "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)",
    postgres: "CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL)",
  },
  {
    feature: "notes",
    version: 2,
    description: "notes carry a time",
    sqlite: "ALTER TABLE notes ADD COLUMN at BIGINT NOT NULL DEFAULT 0",
    postgres: "ALTER TABLE notes ADD COLUMN at BIGINT NOT NULL DEFAULT 0",
  },
];

const run = promisify(execFile);
const engines = databaseEngines();

describe.each(engines)("migrations on $name", (engine) => {
  it("apply once, in order, and a second run applies nothing", async () => {
    const db = engine.open();
    const first = await migrate(db, notes);
    expect(first.applied.map((m) => `${m.feature} v${m.version}`)).toEqual(["notes v1", "notes v2"]);
    expect((await migrate(db, notes)).applied).toEqual([]);
    await db.execute("INSERT INTO notes (body, at) VALUES ($1, $2)", ["hello", 5]);
    expect(await db.query("SELECT id, body, at FROM notes")).toEqual([{ id: 1, body: "hello", at: 5 }]);
  });

  it("apply only the new version when the code moves on", async () => {
    const db = engine.open();
    await migrate(db, notes.slice(0, 1));
    expect((await migrate(db, notes)).applied.map((m) => m.version)).toEqual([2]);
  });

  it("leave nothing behind when one statement fails", async () => {
    const db = engine.open();
    const broken: Migration = {
      ...notes[1],
      sqlite: "ALTER TABLE nowhere ADD COLUMN x",
      postgres: "ALTER TABLE nowhere ADD COLUMN x",
    } as Migration;
    await expect(migrate(db, [notes[0] as Migration, broken])).rejects.toThrow();
    expect((await migrate(db, notes.slice(0, 1))).applied.map((m) => m.version)).toEqual([1]);
  });

  it("refuse a database whose schema is newer than the code", async () => {
    const db = engine.open();
    await migrate(db, notes);
    await expect(migrate(db, notes.slice(0, 1))).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it("are safe when several processes start together", async () => {
    const location = engine.location();
    const runs = await Promise.all([1, 2, 3].map(() => migrateInChild(location)));
    expect(runs.reduce((sum, applied) => sum + applied, 0)).toBe(2);
  });
});

/** Runs {@link migrate} with the notes migrations in a separate Node process; the number applied. */
async function migrateInChild(location: { databaseUrl?: string; dataDir: string }): Promise<number> {
  const script = `
    import { openDatabase } from ${JSON.stringify(pathToFileURL(resolve("src/store/open-database.ts")).href)};
    import { migrate } from ${JSON.stringify(pathToFileURL(resolve("src/store/migrate.ts")).href)};
    const db = openDatabase(${JSON.stringify(location)});
    const report = await migrate(db, ${JSON.stringify(notes)});
    await db.close();
    process.stdout.write(String(report.applied.length));
  `;
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
  return Number(stdout);
}

describe("a migration list", () => {
  it("is refused when a feature's versions skip or repeat", async () => {
    const [sqlite] = engines;
    const db = sqlite?.open();
    if (!db) throw new Error("no SQLite engine");
    await expect(migrate(db, [notes[1] as Migration])).rejects.toThrow(/out of order/u);
    await expect(migrate(db, [notes[0] as Migration, notes[0] as Migration])).rejects.toThrow(
      /out of order/u,
    );
  });
});

import { describe, expect, it } from "vitest";
import { databaseEngines } from "../helpers/databases.js";

const engines = databaseEngines();

describe.each(engines)("the database on $name", (engine) => {
  it("binds $n parameters by number, even repeated or out of order", async () => {
    const db = engine.open();
    await db.script("CREATE TABLE t (a TEXT, b INTEGER)");
    await db.execute("INSERT INTO t (a, b) VALUES ($2, $1)", [7, "seven"]);
    const rows = await db.query<{ a: string; b: number }>(
      "SELECT a, b FROM t WHERE b = $1 AND a = $2 OR b = $1",
      [7, "seven"],
    );
    expect(rows).toEqual([{ a: "seven", b: 7 }]);
  });

  it("gives 64-bit integers and counts back as numbers", async () => {
    const db = engine.open();
    await db.script("CREATE TABLE t (at BIGINT)");
    await db.execute("INSERT INTO t (at) VALUES ($1)", [1_764_000_000_123]);
    const [row] = await db.query<{ at: number; n: number }>("SELECT MAX(at) AS at, COUNT(*) AS n FROM t");
    expect(row).toEqual({ at: 1_764_000_000_123, n: 1 });
  });

  it("says how many rows a statement changed", async () => {
    const db = engine.open();
    await db.script("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
    expect(await db.execute("DELETE FROM t WHERE a > $1", [0])).toEqual({ changes: 2 });
  });

  it("rolls a failed transaction back whole and commits a good one", async () => {
    const db = engine.open();
    await db.script("CREATE TABLE t (a INTEGER PRIMARY KEY)");
    await expect(
      db.transaction(async (tx) => {
        await tx.execute("INSERT INTO t (a) VALUES ($1)", [1]);
        await tx.execute("INSERT INTO t (a) VALUES ($1)", [1]);
      }),
    ).rejects.toThrow();
    await db.transaction(async (tx) => {
      await tx.execute("INSERT INTO t (a) VALUES ($1)", [2]);
    });
    expect(await db.query("SELECT a FROM t")).toEqual([{ a: 2 }]);
  });

  it("keeps concurrent transactions apart", async () => {
    const db = engine.open();
    await db.script("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0)");
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          await tx.execute("UPDATE counter SET n = n + 1");
        }),
      ),
    );
    expect(await db.query("SELECT n FROM counter")).toEqual([{ n: 20 }]);
  });

  it("refuses a parameter with no value instead of binding null", async () => {
    const db = engine.open();
    await expect(db.query("SELECT $1 AS a, $2 AS b", ["x"])).rejects.toThrow();
  });
});

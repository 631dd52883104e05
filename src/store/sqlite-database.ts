import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { Database, ExecuteResult, Queryable, Row, SqlValue } from "./database.js";

/**
 * A {@link Database} on an SQLite file through better-sqlite3, in WAL mode so readers never wait
 * for the writer. better-sqlite3 is synchronous; each call is short (one statement on a local
 * file), so the promises resolve at once.
 */
export function openSqliteDatabase(file: string): Database {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  db.defaultSafeIntegers(false);

  // Our statements are a few fixed texts run again and again (a question stored per answer):
  // compiling each once saves SQLite's parse and plan on every call.
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const prepare = (text: string): BetterSqlite3.Statement => {
    let statement = prepared.get(text);
    if (statement === undefined) {
      statement = db.prepare(text);
      if (prepared.size >= MAX_PREPARED) prepared.clear();
      prepared.set(text, statement);
    }
    return statement;
  };

  const queryable: Queryable = {
    async query<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      const { text, values } = toSqlite(sql, params);
      return prepare(text).all(...values) as T[];
    },
    async execute(sql: string, params: readonly SqlValue[] = []): Promise<ExecuteResult> {
      const { text, values } = toSqlite(sql, params);
      const statement = prepare(text);
      if (statement.reader) {
        statement.all(...values);
        return { changes: 0 };
      }
      return { changes: statement.run(...values).changes };
    },
    async script(sql: string) {
      db.exec(sql);
    },
  };

  // One connection: a transaction must not interleave with another caller's statements, so
  // transactions queue behind each other.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: "sqlite",
    ...queryable,
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const run = async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(queryable);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      db.close();
    },
  };
}

const MAX_PREPARED = 200;
const PARAMETER = /\$(\d+)/gu;

/**
 * `$n` parameters become positional `?` in order of appearance, each bound to the n-th value, so
 * one SQL text serves both engines. Our statements never hold `$` inside string literals.
 */
function toSqlite(sql: string, params: readonly SqlValue[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const text = sql.replace(PARAMETER, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new RangeError(`SQL parameter $${n} has no value`);
    values.push(sqliteValue(params[index] as SqlValue));
    return "?";
  });
  return { text, values };
}

function sqliteValue(value: SqlValue): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value);
  return value;
}

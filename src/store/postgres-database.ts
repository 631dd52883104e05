import pg from "pg";
import type { Database, ExecuteResult, Queryable, Row, SqlValue } from "./database.js";

// 64-bit integers (COUNT, BIGINT epoch milliseconds) as numbers, like SQLite gives them; every
// value we store stays far below 2^53.
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** Options for {@link openPostgresDatabase}. */
export interface PostgresOptions {
  /** Connections kept open (default 5). */
  maxConnections?: number;
  /** Milliseconds to wait for a connection before failing (default 5000). */
  connectTimeoutMs?: number;
}

/** A {@link Database} on PostgreSQL through a `pg` pool. */
export function openPostgresDatabase(url: string, options: PostgresOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 5,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    types,
  });
  // An idle client that loses its server must not become an uncaught 'error' event; the next
  // query reports the failure to its caller instead.
  pool.on("error", () => undefined);

  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async execute(sql: string, params: readonly SqlValue[] = []): Promise<ExecuteResult> {
      const result = await client.query(sql, params as unknown[]);
      return { changes: result.rowCount ?? 0 };
    },
    async script(sql: string) {
      await client.query(sql);
    },
  });

  return {
    kind: "postgres",
    ...on(pool),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

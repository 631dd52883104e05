/**
 * The one interface every stored feature (feedback and insights, follows, Slack installations)
 * talks to. Two engines sit behind it: SQLite (embedded, the default) and PostgreSQL (when
 * `DATABASE_URL` is set). SQL is written once, with `$1`, `$2`… parameters, in the subset both
 * engines share; where they differ, a migration gives each engine its own text.
 */

/** A value a statement can bind or a row can hold. */
export type SqlValue = string | number | bigint | boolean | null | Uint8Array;

/** One row as a plain object keyed by column name. */
export type Row = Record<string, unknown>;

/** The database engine behind a {@link Database}. */
export type DatabaseKind = "sqlite" | "postgres";

/** What a statement changed. */
export interface ExecuteResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** The statements one connection (or one transaction) can run. */
export interface Queryable {
  /** Runs a statement that returns rows. 64-bit integers come back as JS numbers on both engines. */
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement for its effect. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<ExecuteResult>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  script(sql: string): Promise<void>;
}

/** A database: statements, transactions, and a close. */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Statements inside must go through the `tx` given, not the database.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the connection(s); later calls fail. */
  close(): Promise<void>;
}

import type { Database, Queryable } from "./database.js";

/**
 * One schema change of one feature. Features version their tables independently (feedback,
 * follows, installations…), so two features can add migrations without renumbering each other.
 */
export interface Migration {
  /** The feature that owns the tables, e.g. `insights`. */
  feature: string;
  /** 1, 2, 3… within the feature; applied in this order, each once. */
  version: number;
  /** What it does, in a few words (kept in the database for operators). */
  description: string;
  /** The statements for SQLite. */
  sqlite: string;
  /** The statements for PostgreSQL. */
  postgres: string;
}

/** What {@link migrate} did. */
export interface MigrationReport {
  applied: { feature: string; version: number; description: string }[];
}

/** The database holds a schema newer than this code knows (a newer release ran against it). */
export class SchemaTooNewError extends Error {
  constructor(feature: string, stored: number, known: number) {
    super(
      `The database's ${feature} schema is at version ${stored}, newer than this release knows (${known}): run the newer release, or restore a backup.`,
    );
    this.name = "SchemaTooNewError";
  }
}

// Any number shared by every Backstory process: the advisory lock that keeps two processes
// starting at once (web replicas, the release step) from applying the same migration twice.
const POSTGRES_MIGRATION_LOCK = 727_011;

/**
 * Applies every migration not yet applied, in one transaction: all or nothing, and idempotent
 * (a second run applies nothing). Safe when several processes start together.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<MigrationReport> {
  checkOrder(migrations);
  return db.transaction(async (tx) => {
    // The lock first: even CREATE TABLE IF NOT EXISTS races between two PostgreSQL sessions.
    if (db.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    await tx.script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (feature TEXT NOT NULL, version INTEGER NOT NULL, description TEXT NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (feature, version))",
    );
    const stored = await storedVersions(tx);
    const known = new Map<string, number>();
    for (const m of migrations) known.set(m.feature, Math.max(known.get(m.feature) ?? 0, m.version));
    for (const [feature, version] of stored) {
      const newest = known.get(feature);
      if (newest !== undefined && version > newest) throw new SchemaTooNewError(feature, version, newest);
    }
    const applied: MigrationReport["applied"] = [];
    for (const m of migrations) {
      if ((stored.get(m.feature) ?? 0) >= m.version) continue;
      await tx.script(db.kind === "postgres" ? m.postgres : m.sqlite);
      await tx.execute(
        "INSERT INTO schema_migrations (feature, version, description, applied_at) VALUES ($1, $2, $3, $4)",
        [m.feature, m.version, m.description, Date.now()],
      );
      applied.push({ feature: m.feature, version: m.version, description: m.description });
    }
    return { applied };
  });
}

async function storedVersions(tx: Queryable): Promise<Map<string, number>> {
  const rows = await tx.query<{ feature: string; version: number }>(
    "SELECT feature, MAX(version) AS version FROM schema_migrations GROUP BY feature",
  );
  return new Map(rows.map((r) => [r.feature, Number(r.version)]));
}

function checkOrder(migrations: readonly Migration[]): void {
  const last = new Map<string, number>();
  for (const m of migrations) {
    const previous = last.get(m.feature) ?? 0;
    if (m.version !== previous + 1) {
      throw new Error(
        `Migration ${m.feature} v${m.version} is out of order: expected v${previous + 1} (versions of a feature run 1, 2, 3… in list order).`,
      );
    }
    last.set(m.feature, m.version);
  }
}

import type { Logger } from "pino";
import type { Database } from "../store/database.js";
import type { Sealed, TokenCipher } from "./token-cipher.js";

/** Which installation: a workspace, or an Enterprise Grid organization installed org-wide. */
export interface InstallationKey {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

interface Row {
  [column: string]: unknown;
  install_key: string;
  key_id: string;
  ciphertext: string;
}

/**
 * The Slack installations of a multi-workspace app, in the database (SQLite or
 * PostgreSQL, table `slack_installations`): each installation (JSON, bot token
 * included) sealed with AES-256-GCM, the sealing key's id beside it. Any replica
 * reads what another stored. An installation sealed with an older key is re-sealed
 * with the current one when read (key rotation, see docs/DEPLOY.md).
 */
export class SlackInstallations {
  constructor(
    private readonly db: Database,
    private readonly cipher: TokenCipher,
    private readonly logger?: Logger,
  ) {}

  /** Stores (or replaces) the installation for its workspace or organization. */
  async save(key: InstallationKey, installation: unknown): Promise<void> {
    const installKey = keyOf(key);
    const sealed = this.cipher.seal(JSON.stringify(installation), installKey);
    const now = Date.now();
    await this.db.execute(
      "INSERT INTO slack_installations (install_key, team_id, enterprise_id, key_id, ciphertext, installed_at, updated_at) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (install_key) DO UPDATE SET " +
        "team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, key_id = excluded.key_id, " +
        "ciphertext = excluded.ciphertext, updated_at = excluded.updated_at",
      [installKey, key.teamId ?? null, key.enterpriseId ?? null, sealed.keyId, sealed.ciphertext, now],
    );
  }

  /** The installation for a workspace or organization, or undefined when it has none. */
  async find(key: InstallationKey): Promise<unknown> {
    const installKey = keyOf(key);
    const [row] = await this.db.query<Row>(
      "SELECT install_key, key_id, ciphertext FROM slack_installations WHERE install_key = $1",
      [installKey],
    );
    if (row === undefined) return undefined;
    const sealed: Sealed = { keyId: row.key_id, ciphertext: row.ciphertext };
    const installation: unknown = JSON.parse(this.cipher.open(sealed, installKey));
    if (this.cipher.needsResealing(sealed)) await this.reseal(installKey, installation, sealed);
    return installation;
  }

  /** Removes an installation (uninstalled, tokens revoked); true when there was one. */
  async delete(key: InstallationKey): Promise<boolean> {
    const { changes } = await this.db.execute("DELETE FROM slack_installations WHERE install_key = $1", [
      keyOf(key),
    ]);
    return changes > 0;
  }

  /** How many installations are stored, by the key that sealed them. */
  async countByKey(): Promise<Record<string, number>> {
    const rows = await this.db.query<{ key_id: string; n: number }>(
      "SELECT key_id, COUNT(*) AS n FROM slack_installations GROUP BY key_id",
    );
    return Object.fromEntries(rows.map((r) => [r.key_id, Number(r.n)]));
  }

  /** Re-seals every installation still sealed with an older key; returns how many. */
  async resealAll(): Promise<number> {
    const rows = await this.db.query<Row>(
      "SELECT install_key, key_id, ciphertext FROM slack_installations WHERE key_id <> $1",
      [this.cipher.currentKeyId],
    );
    for (const row of rows) {
      const sealed = { keyId: row.key_id, ciphertext: row.ciphertext };
      await this.reseal(row.install_key, JSON.parse(this.cipher.open(sealed, row.install_key)), sealed);
    }
    return rows.length;
  }

  private async reseal(installKey: string, installation: unknown, old: Sealed): Promise<void> {
    const sealed = this.cipher.seal(JSON.stringify(installation), installKey);
    // Only if nobody replaced it meanwhile (another replica re-sealing, a new install).
    await this.db.execute(
      "UPDATE slack_installations SET key_id = $1, ciphertext = $2, updated_at = $3 WHERE install_key = $4 AND ciphertext = $5",
      [sealed.keyId, sealed.ciphertext, Date.now(), installKey, old.ciphertext],
    );
    this.logger?.info(
      { installKey, from: old.keyId, to: sealed.keyId },
      "slack installation re-sealed with the current key",
    );
  }
}

/** `enterprise:E…` for an org-wide install, else `team:T…`. */
export function keyOf(key: InstallationKey): string {
  if (key.isEnterpriseInstall && key.enterpriseId) return `enterprise:${key.enterpriseId}`;
  if (key.teamId) return `team:${key.teamId}`;
  if (key.enterpriseId) return `enterprise:${key.enterpriseId}`;
  throw new Error("an installation names neither a team nor an enterprise");
}

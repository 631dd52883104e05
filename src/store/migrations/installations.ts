import type { Migration } from "../migrate.js";

/**
 * Slack workspaces (or Enterprise Grid organizations) that installed the app through
 * OAuth. `install_key` is `team:T…` or `enterprise:E…`; the installation Bolt gives
 * (bot token included) is stored only sealed: `ciphertext` (AES-256-GCM) with the id of
 * the key that sealed it beside it, for rotation.
 */
export const INSTALLATIONS_MIGRATIONS: readonly Migration[] = [
  {
    feature: "installations",
    version: 1,
    description: "slack_installations: one sealed installation per workspace or organization",
    sqlite:
      "CREATE TABLE slack_installations (install_key TEXT PRIMARY KEY, team_id TEXT, enterprise_id TEXT, key_id TEXT NOT NULL, ciphertext TEXT NOT NULL, installed_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
    postgres:
      "CREATE TABLE slack_installations (install_key TEXT PRIMARY KEY, team_id TEXT, enterprise_id TEXT, key_id TEXT NOT NULL, ciphertext TEXT NOT NULL, installed_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
  },
];

import type { Migration } from "../migrate.js";

const V1 = `
CREATE TABLE follows (
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  topic_key TEXT NOT NULL,
  topic TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_digest_at BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (platform, channel, topic_key)
);
CREATE TABLE follow_items_sent (
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  topic_key TEXT NOT NULL,
  item_key TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (platform, channel, topic_key, item_key)
)`;

/** The follows of `/follow`: which channel follows which topic, and the digest items already sent there. */
export const FOLLOWS_MIGRATIONS: readonly Migration[] = [
  {
    feature: "follows",
    version: 1,
    description: "follows and the digest items sent",
    sqlite: V1,
    postgres: V1,
  },
];

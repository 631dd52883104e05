import type { Database } from "./database.js";

/** A channel following a topic. */
export interface Follow {
  platform: "discord" | "slack";
  /** Discord guild id or Slack team id ("" when unknown): where the channel is. */
  workspace: string;
  channel: string;
  /** As the user typed it. */
  topic: string;
  createdBy: string;
  /** Unix ms. */
  createdAt: number;
  /** Unix ms of the last digest posted (0: none yet). */
  lastDigestAt: number;
}

/** Where a follow is: its platform, channel and topic. */
export type FollowKey = Pick<Follow, "platform" | "channel" | "topic">;

/** A topic as compared: case and spacing do not make another topic. */
export function topicKey(topic: string): string {
  return topic.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** Most topics one channel may follow: a digest per topic, so a cap keeps a channel readable. */
export const MAX_FOLLOWS_PER_CHANNEL = 25;

/** The follows repository, over the store's Database (SQLite or PostgreSQL). */
export class FollowsRepository {
  constructor(private readonly db: Database) {}

  /** Follows a topic; `false` when the channel already follows it or is at MAX_FOLLOWS_PER_CHANNEL. */
  async follow(follow: Omit<Follow, "lastDigestAt">): Promise<"added" | "already" | "full"> {
    return this.db.transaction(async (tx) => {
      const [count] = await tx.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM follows WHERE platform = $1 AND channel = $2",
        [follow.platform, follow.channel],
      );
      const existing = await tx.query(
        "SELECT 1 AS one FROM follows WHERE platform = $1 AND channel = $2 AND topic_key = $3",
        [follow.platform, follow.channel, topicKey(follow.topic)],
      );
      if (existing.length > 0) return "already";
      if ((count?.n ?? 0) >= MAX_FOLLOWS_PER_CHANNEL) return "full";
      await tx.execute(
        `INSERT INTO follows (platform, workspace, channel, topic_key, topic, created_by, created_at, last_digest_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0)`,
        [
          follow.platform,
          follow.workspace,
          follow.channel,
          topicKey(follow.topic),
          follow.topic,
          follow.createdBy,
          follow.createdAt,
        ],
      );
      return "added";
    });
  }

  /** Stops following; whether the channel followed the topic. The items sent are forgotten with it. */
  async unfollow(key: FollowKey): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const params = [key.platform, key.channel, topicKey(key.topic)];
      const { changes } = await tx.execute(
        "DELETE FROM follows WHERE platform = $1 AND channel = $2 AND topic_key = $3",
        params,
      );
      await tx.execute(
        "DELETE FROM follow_items_sent WHERE platform = $1 AND channel = $2 AND topic_key = $3",
        params,
      );
      return changes > 0;
    });
  }

  /** The topics a channel follows, oldest first. */
  async ofChannel(platform: Follow["platform"], channel: string): Promise<Follow[]> {
    const rows = await this.db.query<FollowRow>(
      `${SELECT} WHERE platform = $1 AND channel = $2 ORDER BY created_at, topic_key`,
      [platform, channel],
    );
    return rows.map(fromRow);
  }

  /** Every follow. */
  async all(): Promise<Follow[]> {
    return (await this.db.query<FollowRow>(`${SELECT} ORDER BY platform, channel, created_at`)).map(fromRow);
  }

  /** Of `itemKeys`, those not yet sent to this follow's channel. */
  async unsent(key: FollowKey, itemKeys: readonly string[]): Promise<string[]> {
    if (itemKeys.length === 0) return [];
    const rows = await this.db.query<{ item_key: string }>(
      "SELECT item_key FROM follow_items_sent WHERE platform = $1 AND channel = $2 AND topic_key = $3",
      [key.platform, key.channel, topicKey(key.topic)],
    );
    const sent = new Set(rows.map((r) => r.item_key));
    return itemKeys.filter((k) => !sent.has(k));
  }

  /**
   * Records a digest posted: its items (never sent again) and its time (the next digest
   * waits FOLLOW_DIGEST_MINUTES), in one transaction.
   */
  async recordDigest(key: FollowKey, itemKeys: readonly string[], at: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const topic = topicKey(key.topic);
      for (const item of itemKeys) {
        await tx.execute(
          `INSERT INTO follow_items_sent (platform, channel, topic_key, item_key, sent_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (platform, channel, topic_key, item_key) DO NOTHING`,
          [key.platform, key.channel, topic, item, at],
        );
      }
      await tx.execute(
        "UPDATE follows SET last_digest_at = $4 WHERE platform = $1 AND channel = $2 AND topic_key = $3",
        [key.platform, key.channel, topic, at],
      );
    });
  }
}

interface FollowRow extends Record<string, unknown> {
  platform: Follow["platform"];
  workspace: string;
  channel: string;
  topic: string;
  created_by: string;
  created_at: number;
  last_digest_at: number;
}

const SELECT =
  "SELECT platform, workspace, channel, topic, created_by, created_at, last_digest_at FROM follows";

function fromRow(row: FollowRow): Follow {
  return {
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    topic: row.topic,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    lastDigestAt: Number(row.last_digest_at),
  };
}

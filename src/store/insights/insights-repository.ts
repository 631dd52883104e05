import type { Database, Queryable } from "../database.js";
import type {
  QuestionRecord,
  QuestionWithVotes,
  StoredCitation,
  VoteOutcome,
  VoteRecord,
} from "./records.js";

/** What the insights feature stores and reads, whichever the database engine. */
export interface InsightsRepository {
  /** Stores one question (its id is new). */
  recordQuestion(question: QuestionRecord): Promise<void>;
  /** Stores several questions in one transaction: all of them, or none (it rejects). */
  recordQuestions(questions: readonly QuestionRecord[]): Promise<void>;
  /** One vote per user per question: a second vote replaces the first. */
  recordVote(vote: VoteRecord): Promise<VoteOutcome>;
  /** Questions asked at or after `since` (epoch ms), oldest first, with their votes counted. */
  questionsSince(since: number): Promise<QuestionWithVotes[]>;
  /** Deletes questions (and their votes) asked before `cutoff`; how many questions went. */
  purgeBefore(cutoff: number): Promise<number>;
  /**
   * The stored value of a setting, storing `proposed` first when there is none, so that every
   * process sharing the database agrees on it (the generated key).
   */
  setting(name: string, proposed: string): Promise<string>;
}

interface QuestionRow {
  id: string;
  asked_at: number;
  platform: QuestionRecord["platform"];
  workspace: string | null;
  channel: string | null;
  user_key: string | null;
  command: string;
  args: string;
  items: number;
  latency_ms: number;
  citations: string;
  [column: string]: unknown;
}

/** The insights repository on a {@link Database} (SQLite or PostgreSQL, the same SQL). */
export function insightsRepository(db: Database): InsightsRepository {
  return {
    async recordQuestion(q) {
      await insertQuestion(db, q);
    },

    async recordQuestions(questions) {
      if (questions.length === 0) return;
      await db.transaction(async (tx) => {
        for (const q of questions) await insertQuestion(tx, q);
      });
    },

    recordVote(vote) {
      return db.transaction(async (tx) => {
        const [question] = await tx.query("SELECT 1 AS found FROM insights_questions WHERE id = $1", [
          vote.questionId,
        ]);
        if (!question) return "unknown";
        const before = await previousVote(tx, vote);
        if (before === vote.helpful) return "unchanged";
        await tx.execute(
          `INSERT INTO insights_votes (question_id, user_key, helpful, voted_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (question_id, user_key) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`,
          [vote.questionId, vote.userKey, vote.helpful, vote.votedAt],
        );
        return before === undefined ? "recorded" : "changed";
      });
    },

    async questionsSince(since) {
      // Two plain reads merged here: grouping the join by every column costs SQLite seconds at 100k rows.
      const rows = await db.query<QuestionRow>(
        `SELECT id, asked_at, platform, workspace, channel, user_key, command, args, items, latency_ms, citations
           FROM insights_questions WHERE asked_at >= $1 ORDER BY asked_at, id`,
        [since],
      );
      const votes = await db.query<{ question_id: string; helpful: number; total: number }>(
        `SELECT v.question_id, SUM(CASE WHEN v.helpful THEN 1 ELSE 0 END) AS helpful, COUNT(*) AS total
           FROM insights_votes v JOIN insights_questions q ON q.id = v.question_id
          WHERE q.asked_at >= $1 GROUP BY v.question_id`,
        [since],
      );
      const counted = new Map(votes.map((v) => [v.question_id, v]));
      return rows.map((row) => {
        const vote = counted.get(row.id);
        const helpful = Number(vote?.helpful ?? 0);
        return fromRow(row, helpful, Number(vote?.total ?? 0) - helpful);
      });
    },

    async purgeBefore(cutoff) {
      // Votes first: SQLite enforces the cascade only with foreign keys on, and a copy of the
      // database opened elsewhere may not have them on.
      return db.transaction(async (tx) => {
        await tx.execute(
          "DELETE FROM insights_votes WHERE question_id IN (SELECT id FROM insights_questions WHERE asked_at < $1)",
          [cutoff],
        );
        const { changes } = await tx.execute("DELETE FROM insights_questions WHERE asked_at < $1", [cutoff]);
        return changes;
      });
    },

    async setting(name, proposed) {
      await db.execute(
        "INSERT INTO insights_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        [name, proposed],
      );
      const [row] = await db.query<{ value: string }>("SELECT value FROM insights_settings WHERE name = $1", [
        name,
      ]);
      if (!row) throw new Error(`the insights setting ${name} could not be stored`);
      return row.value;
    },
  };
}

const INSERT_QUESTION = `INSERT INTO insights_questions
   (id, asked_at, platform, workspace, channel, user_key, command, args, items, latency_ms, citations)
 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;

async function insertQuestion(db: Queryable, q: QuestionRecord): Promise<void> {
  await db.execute(INSERT_QUESTION, [
    q.id,
    q.askedAt,
    q.platform,
    q.workspace ?? null,
    q.channel ?? null,
    q.userKey ?? null,
    q.command,
    JSON.stringify(q.args),
    q.items,
    Math.round(q.latencyMs),
    JSON.stringify(q.citations.map((c) => [c.docId, c.paragraph])),
  ]);
}

async function previousVote(tx: Queryable, vote: VoteRecord): Promise<boolean | undefined> {
  const [row] = await tx.query<{ helpful: unknown }>(
    "SELECT helpful FROM insights_votes WHERE question_id = $1 AND user_key = $2",
    [vote.questionId, vote.userKey],
  );
  return row === undefined ? undefined : Boolean(row.helpful);
}

function fromRow(row: QuestionRow, helpful: number, notHelpful: number): QuestionWithVotes {
  const question: QuestionWithVotes = {
    id: row.id,
    askedAt: Number(row.asked_at),
    platform: row.platform,
    command: row.command,
    args: JSON.parse(row.args) as QuestionRecord["args"],
    items: Number(row.items),
    latencyMs: Number(row.latency_ms),
    citations: (JSON.parse(row.citations) as [string, number][]).map(
      ([docId, paragraph]): StoredCitation => ({ docId, paragraph }),
    ),
    helpful,
    notHelpful,
  };
  if (row.workspace !== null) question.workspace = row.workspace;
  if (row.channel !== null) question.channel = row.channel;
  if (row.user_key !== null) question.userKey = row.user_key;
  return question;
}

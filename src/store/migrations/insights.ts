import type { Migration } from "../migrate.js";

// Ids are random text minted by the service (so a vote button can carry one before the row is
// written); times are epoch milliseconds; args and citations are JSON text, read back whole.
const QUESTIONS = `CREATE TABLE insights_questions (
  id TEXT PRIMARY KEY,
  asked_at BIGINT NOT NULL,
  platform TEXT NOT NULL,
  workspace TEXT,
  channel TEXT,
  user_key TEXT,
  command TEXT NOT NULL,
  args TEXT NOT NULL,
  items INTEGER NOT NULL,
  latency_ms INTEGER NOT NULL,
  citations TEXT NOT NULL
)`;

const VOTES = `CREATE TABLE insights_votes (
  question_id TEXT NOT NULL REFERENCES insights_questions (id) ON DELETE CASCADE,
  user_key TEXT NOT NULL,
  helpful BOOLEAN NOT NULL,
  voted_at BIGINT NOT NULL,
  PRIMARY KEY (question_id, user_key)
)`;

const SETTINGS = "CREATE TABLE insights_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)";
const BY_TIME = "CREATE INDEX insights_questions_asked_at ON insights_questions (asked_at)";

const v1 = [QUESTIONS, VOTES, SETTINGS, BY_TIME].join(";\n");

/** The questions asked, their votes, and the generated key (feature `insights`). */
export const INSIGHTS_MIGRATIONS: readonly Migration[] = [
  {
    feature: "insights",
    version: 1,
    description: "questions, votes and the insights key",
    sqlite: v1,
    postgres: v1,
  },
];

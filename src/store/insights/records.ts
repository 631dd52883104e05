import type { Platform } from "../../core/invocation.js";

/** Where an answer's excerpt comes from, as stored: the document and its paragraph. */
export interface StoredCitation {
  docId: string;
  paragraph: number;
}

/**
 * One question as stored: what was asked and how it went, never what was said around it. The
 * user is a pseudonymous key (an HMAC of the platform id), never the platform id.
 */
export interface QuestionRecord {
  /** Random id minted by the service (the vote buttons carry it, signed). */
  id: string;
  /** Epoch milliseconds. */
  askedAt: number;
  platform: Platform;
  /** Discord guild or Slack team id, when asked in one. */
  workspace?: string;
  /** Channel id, when asked in one. */
  channel?: string;
  /** Pseudonymous user key, when the platform names a user. */
  userKey?: string;
  /** Command name without the slash. */
  command: string;
  /** The options as the command table checked them. */
  args: Readonly<Record<string, string | number | boolean>>;
  /** How many items the answer had (0: the archive found nothing). */
  items: number;
  latencyMs: number;
  /** The answer's citations, in order (each item's primary citation). */
  citations: readonly StoredCitation[];
}

/** A stored question with its votes counted. */
export interface QuestionWithVotes extends QuestionRecord {
  helpful: number;
  notHelpful: number;
}

/** A reader's vote on one answer. */
export interface VoteRecord {
  questionId: string;
  userKey: string;
  helpful: boolean;
  /** Epoch milliseconds. */
  votedAt: number;
}

/**
 * What a vote did: `recorded` (first vote of this user on this answer), `changed` (the other
 * way than before), `unchanged` (the same again), `unknown` (no such question: purged, never
 * stored, or made up).
 */
export type VoteOutcome = "recorded" | "changed" | "unchanged" | "unknown";

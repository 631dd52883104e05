import { CHANNEL_COMMANDS } from "../../../commands/channel-only.js";
import type { Answer } from "../../core/answer.js";
import type { Invocation } from "../../core/invocation.js";
import type { Logger } from "../../logger.js";
import type { InsightsRepository } from "../../store/insights/insights-repository.js";
import type { QuestionRecord } from "../../store/insights/records.js";
import { FailureLog } from "./failure-log.js";
import { generatedSecret, type InsightsKeys, insightsKeys } from "./insights-keys.js";
import { WriteQueue, type WriteResult } from "./write-queue.js";

/** Who clicked a vote button. */
export interface Voter {
  platform: Invocation["platform"];
  /** The platform's user id (hashed before it is stored). */
  user: string;
}

/**
 * What a click on Helpful / Not helpful did, as the reader is told: `noted` (recorded or
 * changed), `invalid` (not a button of a stored answer: forged, altered, purged),
 * `unavailable` (the database did not answer in time).
 */
export type VoteReply = "noted" | "invalid" | "unavailable";

/** The insights feature as the service and the adapters see it. */
export interface Insights {
  /**
   * Queues the question behind an answer for storing (never waits for the database) and
   * returns the answer with its signed `answerId`. A question asked again from a button
   * (`invocation.again`) is not stored again: it keeps its verified id.
   */
  answered(invocation: Invocation, answer: Answer, latencyMs: number): Answer;
  /** Records a reader's vote on an answer named by its signed id. */
  vote(answerId: string, voter: Voter, helpful: boolean): Promise<VoteReply>;
  /** Deletes what is older than the retention; the number of questions deleted. */
  purge(): Promise<number>;
  /** Resolves once every queued write is done (tests, shutdown). */
  flush(): Promise<void>;
  /** Stops the purge timer and waits for the queued writes. */
  stop(): Promise<void>;
}

/** Options of {@link startInsights}. */
export interface InsightsOptions {
  repository: InsightsRepository;
  /** `INSIGHTS_SECRET`; unset: one is generated and kept in the database. */
  secret?: string;
  retentionDays: number;
  logger: Logger;
  /** Every write's result, for `/metrics`. */
  onWrite(result: WriteResult): void;
  /** Writes waiting at most (default 1000). */
  queueCapacity?: number;
  /** Purge period (default hourly; 0: no timer). */
  purgeEveryMs?: number;
  /** How long a vote waits for the database before telling the reader it could not be saved. */
  voteTimeoutMs?: number;
  now?: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const UNKNOWN_RETRY_MS = 300;
const NOT_QUESTIONS: ReadonlySet<string> = new Set(["help", ...CHANNEL_COMMANDS]);

/**
 * Starts the insights: resolves the key (configured, or the one kept in the database), purges
 * once, then hourly. Rejects only when the key cannot be read, i.e. the database is unusable
 * at start; the caller then runs without insights.
 */
export async function startInsights(options: InsightsOptions): Promise<Insights> {
  const { repository, logger } = options;
  const now = options.now ?? Date.now;
  const secret = options.secret ?? (await repository.setting("secret", generatedSecret()));
  const keys = insightsKeys(secret);
  const failures = new FailureLog(logger, 60_000, now);
  const queue = new WriteQueue<QuestionRecord>({
    capacity: options.queueCapacity ?? 1000,
    writeBatch: (records) => repository.recordQuestions(records),
    // A commit (an fsync, which blocks the event loop on SQLite) per batch: a busy server's
    // questions of the last 50 ms share one. Kept well under UNKNOWN_RETRY_MS: a vote taken by
    // another process must find its question stored by then. A vote here flushes at once.
    gatherMs: 50,
    onResult: (result, error) => {
      options.onWrite(result);
      if (result !== "ok") failures.failed(result === "dropped" ? "queue full" : "write failed", error);
    },
  });

  const purge = async (): Promise<number> => {
    try {
      const purged = await repository.purgeBefore(now() - options.retentionDays * DAY_MS);
      options.onWrite("ok");
      if (purged > 0) logger.info({ purged }, `insights: purged ${purged} question(s) past the retention`);
      return purged;
    } catch (error) {
      options.onWrite("failed");
      failures.failed("purge failed", error);
      return 0;
    }
  };
  await purge();
  const every = options.purgeEveryMs ?? 60 * 60 * 1000;
  const timer = every > 0 ? setInterval(() => void purge(), every) : undefined;
  timer?.unref();

  return {
    answered: (invocation, answer, latencyMs) => {
      if (invocation.again) {
        const kept = invocation.again.answerId;
        return kept !== undefined && keys.questionIdOf(kept) ? { ...answer, answerId: kept } : answer;
      }
      // Only questions to the archive: /help and the channel commands (/follow, /add…) are not.
      if (NOT_QUESTIONS.has(answer.command)) return answer;
      const { questionId, answerId } = keys.newAnswer();
      const record = questionRecord(keys, questionId, invocation, answer, latencyMs, now());
      // Without a stored question a vote could not count: no buttons then.
      if (!queue.push(record)) return answer;
      return { ...answer, answerId };
    },
    vote: async (answerId, voter, helpful) => {
      const questionId = keys.questionIdOf(answerId);
      if (questionId === undefined) return "invalid";
      const userKey = keys.userKey(voter.platform, voter.user);
      const work = (async (): Promise<VoteReply> => {
        // The question may still be queued when the click comes quickly after the answer: here,
        // or in the other process that answered it (web and worker share the database), which
        // one short wait covers.
        await queue.flush();
        const vote = { questionId, userKey, helpful, votedAt: now() };
        let outcome = await repository.recordVote(vote);
        if (outcome === "unknown") {
          await new Promise((resolve) => setTimeout(resolve, UNKNOWN_RETRY_MS));
          outcome = await repository.recordVote(vote);
        }
        return outcome === "unknown" ? "invalid" : "noted";
      })();
      const settled = work.then(
        (reply) => {
          options.onWrite("ok");
          return reply;
        },
        (error: unknown) => {
          options.onWrite("failed");
          failures.failed("vote failed", error);
          return "unavailable" as const;
        },
      );
      return (await within(settled, options.voteTimeoutMs ?? 1500)) ?? "unavailable";
    },
    purge,
    flush: () => queue.flush(),
    stop: async () => {
      if (timer) clearInterval(timer);
      await within(queue.flush(), 2000);
    },
  };
}

// Only what the issue lists: no text of the answer, nothing else of the conversation.
function questionRecord(
  keys: InsightsKeys,
  id: string,
  invocation: Invocation,
  answer: Answer,
  latencyMs: number,
  askedAt: number,
): QuestionRecord {
  const record: QuestionRecord = {
    id,
    askedAt,
    platform: invocation.platform,
    command: answer.command,
    args: answer.args ?? invocation.args,
    items: answer.items.length,
    latencyMs,
    citations: answer.items.map((item) => ({
      docId: item.citation.docId,
      paragraph: item.citation.paragraph,
    })),
  };
  if (invocation.place?.workspace !== undefined) record.workspace = invocation.place.workspace;
  if (invocation.place?.channel !== undefined) record.channel = invocation.place.channel;
  if (invocation.user !== undefined) record.userKey = keys.userKey(invocation.platform, invocation.user);
  return record;
}

// The value if it settles within `ms`, else undefined (the adapters' `within`, one layer down).
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

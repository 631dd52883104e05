import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Answer } from "../../core/answer.js";
import type { Engine } from "../../core/engine.js";
import type { Follow, FollowsRepository } from "../../store/follows.js";
import { topicItems } from "./topic-items.js";

/** Posts a digest to a channel of one platform (Discord: a channel message; Slack: chat.postMessage). */
export interface DigestPoster {
  readonly platform: Follow["platform"];
  post(follow: Follow, digest: Answer): Promise<void>;
}

/** What the digests need. */
export interface FollowDigestsOptions {
  follows: FollowsRepository;
  posters: readonly DigestPoster[];
  /** At most one digest per topic and channel in this time (FOLLOW_DIGEST_MINUTES). */
  intervalMs: number;
  logger: Logger;
  now?: () => number;
}

/** Items in one digest: one page, which fits every platform; the rest wait for the next digest. */
export const DIGEST_ITEMS = 5;

/**
 * Digests for followed topics. Each index (re)load tells it which documents are new or
 * changed (`noteEngine`); `run` then posts, to each channel following a topic, one
 * compact cited digest of the unsent items on that topic from documents that arrived
 * after the follow — at most one per FOLLOW_DIGEST_MINUTES, never an item twice. A
 * channel that cannot be posted to is logged and tried again at the next run.
 */
export class FollowDigests {
  private readonly firstSeen = new Map<string, { hash: string; at: number }>();
  private engine: Engine | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: FollowDigestsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Records which documents of a newly serving engine are new or changed (the first engine's are all old). */
  noteEngine(engine: Engine): void {
    const at = this.engine === undefined ? 0 : this.now();
    for (const document of engine.documents) {
      const hash = createHash("sha256").update(document.body).digest("hex");
      const seen = this.firstSeen.get(document.id);
      if (!seen || seen.hash !== hash) this.firstSeen.set(document.id, { hash, at });
    }
    this.engine = engine;
  }

  /** Posts the digests that are due; one run at a time. */
  run(): Promise<void> {
    const next = this.running.then(() => this.runOnce());
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Resolves when the run in progress (if any) is over. */
  settled(): Promise<void> {
    return this.running;
  }

  private async runOnce(): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    const now = this.now();
    for (const follow of await this.options.follows.all()) {
      const poster = this.options.posters.find((p) => p.platform === follow.platform);
      const waiting = follow.lastDigestAt > 0 && now - follow.lastDigestAt < this.options.intervalMs;
      if (!poster || waiting) continue;
      const fresh = new Set(
        [...this.firstSeen].filter(([, seen]) => seen.at > follow.createdAt).map(([id]) => id),
      );
      const candidates = await topicItems(engine, follow.topic, fresh);
      const unsent = new Set(
        await this.options.follows.unsent(
          follow,
          candidates.map((c) => c.key),
        ),
      );
      const chosen = candidates.filter((c) => unsent.has(c.key)).slice(0, DIGEST_ITEMS);
      if (chosen.length === 0) continue;
      try {
        await poster.post(
          follow,
          digestAnswer(
            follow.topic,
            chosen.map((c) => c.item),
          ),
        );
      } catch (error) {
        this.options.logger.warn(
          { err: error, platform: follow.platform, channel: follow.channel, topic: follow.topic },
          "a follow digest could not be posted; it is tried again at the next run",
        );
        continue;
      }
      await this.options.follows.recordDigest(
        follow,
        chosen.map((c) => c.key),
        now,
      );
      this.options.logger.info(
        { platform: follow.platform, channel: follow.channel, topic: follow.topic, items: chosen.length },
        "follow digest posted",
      );
    }
  }
}

/** A digest as an Answer (no arguments, so no buttons): the renderers keep it within each platform's limits. */
export function digestAnswer(topic: string, items: Answer["items"]): Answer {
  const articles = new Set(items.map((i) => i.citation.docId)).size;
  return {
    command: "follow",
    query: topic,
    title: `New on “${topic}”`,
    items,
    notice: `${items.length} new ${items.length === 1 ? "excerpt" : "excerpts"} from ${articles} ${articles === 1 ? "article" : "articles"}.`,
  };
}

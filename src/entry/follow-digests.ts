import { discordDigestPoster } from "../adapters/discord/digest-poster.js";
import { slackDigestPoster } from "../adapters/slack/digest-poster.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { type DigestPoster, FollowDigests } from "../service/follows/follow-digests.js";
import type { ReloadingEngineSource } from "../service/reloading-engine-source.js";
import type { Database } from "../store/database.js";
import { FollowsRepository } from "../store/follows.js";

// Due digests held back by FOLLOW_DIGEST_MINUTES are looked at again this often, reload or not.
const CHECK_MS = 60_000;

/** Running digests: `run()` posts what is due now; `stop()` ends the timer and the subscription. */
export interface RunningDigests {
  digests: FollowDigests;
  stop(): Promise<void>;
}

/** The digest posters the configured platforms allow (a bot token each). */
export function digestPosters(config: Config): DigestPoster[] {
  const posters: DigestPoster[] = [];
  const { discord, slack } = config;
  if (discord.token)
    posters.push(
      discordDigestPoster({ token: discord.token, ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}) }),
    );
  if (slack.botToken)
    posters.push(
      slackDigestPoster({ botToken: slack.botToken, ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}) }),
    );
  return posters;
}

/**
 * Starts follow digests: each successful (re)load notes the new and changed documents
 * and posts the digests due; a timer posts those that were held back by the interval.
 * Undefined without a database or a platform to post to.
 */
export function startFollowDigests(
  config: Config,
  store: Database | undefined,
  engines: ReloadingEngineSource,
  logger: Logger,
  posters: readonly DigestPoster[] = digestPosters(config),
): RunningDigests | undefined {
  if (!store || posters.length === 0) return undefined;
  const digests = new FollowDigests({
    follows: new FollowsRepository(store),
    posters,
    intervalMs: config.followDigestMs,
    logger,
  });
  const serving = engines.serving;
  if (serving) digests.noteEngine(serving.engine);
  const run = () =>
    digests
      .run()
      .catch((error: unknown) => logger.error({ err: error }, "follow digests failed; tried again later"));
  const unsubscribe = engines.subscribe((outcome) => {
    if (!outcome.ok) return;
    digests.noteEngine(outcome.serving.engine);
    void run();
  });
  const timer = setInterval(() => void run(), CHECK_MS);
  timer.unref();
  return {
    digests,
    stop: async () => {
      clearInterval(timer);
      unsubscribe();
      await digests.settled();
    },
  };
}

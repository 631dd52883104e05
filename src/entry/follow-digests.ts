import { webApi } from "@slack/bolt";
import { discordDigestPoster } from "../adapters/discord/digest-poster.js";
import { slackDigestPoster } from "../adapters/slack/digest-poster.js";
import type { Config } from "../config.js";
import { type IngestSummary, ingest } from "../ingest/ingest.js";
import { fetchPolicyFrom } from "../ingest/policy-from-config.js";
import { SafeFetcher } from "../ingest/safe-fetch.js";
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

/** Slack: whether a user is a workspace admin or owner, from `users.info` (undefined without a bot token). */
export function slackAdminCheck(config: Config): ((user: string) => Promise<boolean>) | undefined {
  const { botToken, apiUrl } = config.slack;
  if (!botToken) return undefined;
  const client = new webApi.WebClient(botToken, {
    ...(apiUrl !== undefined && { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` }),
    timeout: 2000,
    retryConfig: { retries: 0 },
    attachOriginalToWebAPIRequestError: false,
  });
  return async (user) => {
    const { user: info } = await client.users.info({ user });
    return info?.is_admin === true || info?.is_owner === true || info?.is_primary_owner === true;
  };
}

/** `/add`: ingests one URL now with the configured fetch policy, then reloads the index when it changed. */
export function articleAdder(
  config: Config,
  engines: ReloadingEngineSource,
): (url: string) => Promise<IngestSummary> {
  return async (url) => {
    const fetcher = new SafeFetcher(fetchPolicyFrom(config));
    try {
      const summary = await ingest(config.corpusDir, [url], fetcher);
      if (summary.new + summary.updated > 0) await engines.reload(`added ${url}`);
      return summary;
    } finally {
      await fetcher.close();
    }
  };
}

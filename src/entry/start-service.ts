import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import { warmUpCommands } from "../../commands/warm-up.js";
import type { Config } from "../config.js";
import { FEEDS_FILE } from "../core/corpus/manifest.js";
import { loadOrBuildEngine } from "../core/snapshot/index.js";
import { parseFeedsVariable } from "../ingest/feeds-config.js";
import type { Mount } from "../server/create-app.js";
import { createApp } from "../server/create-app.js";
import { type HttpService, listenHttp } from "../server/http-service.js";
import type { PlatformRenderers } from "../server/platform-renderers.js";
import type { Readiness } from "../server/routes/health.js";
import { AnswerCache } from "../service/answer-cache.js";
import { type Asker, createAsker } from "../service/asker.js";
import { type CorpusWatch, watchCorpus } from "../service/corpus-watcher.js";
import { type FeedPoller, startFeedPoller } from "../service/feed-poller.js";
import { withChannelCommands } from "../service/follows/channel-commands.js";
import { followPermission } from "../service/follows/follow-permission.js";
import type { Insights } from "../service/insights/insights.js";
import {
  createServiceMetrics,
  recordIndexSize,
  type ServiceMetrics,
} from "../service/metrics/service-metrics.js";
import type { RateLimiter } from "../service/rate-limit.js";
import { TokenBucketLimiter } from "../service/rate-limiter.js";
import {
  type EngineBuilder,
  ReloadingEngineSource,
  type ReloadOutcome,
} from "../service/reloading-engine-source.js";
import { createServiceAsker, type ServiceAsker } from "../service/service-asker.js";
import { StartupError } from "../service/startup-error.js";
import {
  describeTransport,
  type PlannedTransport,
  planTransports,
  type Role,
} from "../service/transports/plan.js";
import {
  connectTransports,
  mountTransports,
  type StartedTransport,
} from "../service/transports/start-transports.js";
import { TransportStatus } from "../service/transports/status.js";
import type { Transport } from "../service/transports/transport.js";
import type { Database } from "../store/database.js";
import { FollowsRepository } from "../store/follows.js";
import { adminRoutesFor } from "./admin.js";
import { articleAdder, type RunningDigests, slackAdminCheck, startFollowDigests } from "./follow-digests.js";
import { openInsights } from "./open-insights.js";
import { openStore } from "./open-store.js";
import { loadPlatformRenderers } from "./platform-renderers.js";
import { shutDownGracefully } from "./shutdown.js";
import { TRANSPORTS } from "./transports.js";

/** What startService needs; paths in `config` are already absolute. */
export interface ServiceOptions {
  config: Config;
  logger: Logger;
  role: Role;
  /** The transports to plan from (default: every one, see TRANSPORTS; tests pass stand-ins). */
  transports?: readonly Transport[];
  publicDir: string;
  /** Builds an engine (default: snapshot or build from `config.corpusDir`). */
  build?: EngineBuilder;
  /** Wraps the plain asker before the service layer (tests: a slow asker). */
  wrapAsker?: (asker: Asker) => Asker;
}

/** A started service. */
export interface RunningService {
  role: Role;
  plan: PlannedTransport[];
  /** The web server, for roles that serve HTTP. */
  http?: HttpService;
  engines: ReloadingEngineSource;
  asker: ServiceAsker;
  metrics: ServiceMetrics;
  transports: TransportStatus;
  /** The feed poller, when feeds are configured (FEEDS or feeds.yaml) and this role serves the web. */
  feeds?: FeedPoller;
  /** Follow digests, when a database is open and a platform can be posted to (not in the worker). */
  digests?: RunningDigests;
  /** The database, when it opened. */
  store?: Database;
  /** Questions and votes, when INSIGHTS is on and the database opened. */
  insights?: Insights;
  readiness(): Readiness;
  /** Rebuilds the index now (SIGHUP). */
  reload(reason: string): Promise<ReloadOutcome>;
  /**
   * Graceful shutdown: refuse new questions, stop accepting connections,
   * finish what is in flight within the grace period, disconnect the
   * platforms. Resolves with whether everything in flight finished in time.
   */
  shutdown(reason: string): Promise<{ drained: boolean }>;
}

/**
 * Starts Backstory for a role: logs which transports run and what would
 * enable the others, binds the web port first (so health checks answer while
 * the index loads), loads the index, watches the corpus, then connects the
 * gateway and socket transports.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { config, logger, role } = options;
  if (!existsSync(config.corpusDir)) {
    throw new StartupError(
      `The corpus folder ${config.corpusDir} does not exist: set CORPUS_DIR to a folder of articles.`,
    );
  }
  const feedProblems = parseFeedsVariable(config.ingest.feeds, config.ingest.feedIntervalMs).problems;
  if (feedProblems.length > 0)
    throw new StartupError(`FEEDS has problems:\n  - ${feedProblems.join("\n  - ")}`);
  const plan = planTransports(options.transports ?? TRANSPORTS, config, role);
  announce(plan, role, logger);
  if (role === "worker" && !plan.some((t) => t.enabled)) {
    throw new StartupError(
      "The worker has nothing to run: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Discord gateway), " +
        "or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Slack Socket Mode).",
    );
  }

  const metrics = createServiceMetrics();
  const engines = new ReloadingEngineSource({
    build:
      options.build ??
      (() =>
        loadOrBuildEngine(config.corpusDir, {
          snapshotDir: config.snapshotDir,
          logger,
          warmUp: warmUpCommands,
          build: !config.snapshotOnly,
        })),
    logger,
    onOutcome: (outcome) => recordOutcome(metrics, outcome),
  });
  const answerCache = new AnswerCache(config.answerCacheSize, (hit) =>
    metrics.answerCache.inc({ result: hit ? "hit" : "miss" }),
  );
  const store = await openStore(config, logger);
  const slackIsAdmin = slackAdminCheck(config);
  const plainAsker = withChannelCommands(createAsker(engines, answerCache), {
    follows: store ? new FollowsRepository(store) : undefined,
    mayChange: followPermission({
      allowedUsers: new Set(config.followAllowedUsers),
      ...(slackIsAdmin ? { slackIsAdmin } : {}),
    }),
    addArticle: articleAdder(config, engines),
  });
  const insights = await openInsights(config, store, metrics, logger);
  // ioredis is loaded only when a Redis is configured.
  const limiter: RateLimiter = config.redisUrl
    ? new (await import("../service/redis-rate-limiter.js")).RedisTokenBucketLimiter({
        ...config.rateLimit,
        url: config.redisUrl,
        logger,
        onStoreError: () => metrics.rateLimitStoreErrors.inc(),
      })
    : new TokenBucketLimiter(config.rateLimit);
  const asker = createServiceAsker(options.wrapAsker ? options.wrapAsker(plainAsker) : plainAsker, {
    limiter,
    perMinute: config.rateLimit.perMinute,
    metrics,
    logger,
    ...(insights ? { insights } : {}),
  });
  const transports = new TransportStatus();
  let watch: CorpusWatch | undefined;
  const context = {
    asker,
    logger,
    defaultPrivate: config.defaultPrivate,
    config,
    ...(store ? { store } : {}),
    ...(insights ? { insights } : {}),
  };
  let shuttingDown = false;

  const readiness = (): Readiness => {
    const serving = engines.serving;
    const index = serving
      ? {
          loaded: true,
          generation: serving.generation,
          origin: serving.origin,
          documents: serving.engine.stats.documents,
          loadedAt: new Date(serving.loadedAt).toISOString(),
        }
      : { loaded: false };
    // A watch that lost its folder serves an index nobody can update: not ready until it is back.
    const corpusWatch = watch?.status();
    return {
      ready:
        serving !== undefined && transports.allReady() && !shuttingDown && corpusWatch?.watching !== false,
      shuttingDown,
      index,
      transports: transports.list(),
      ...(corpusWatch ? { corpusWatch } : {}),
    };
  };

  const started: StartedTransport[] = [];
  let http: HttpService | undefined;
  if (role !== "worker") {
    const mounts: Mount[] = [];
    const app = {
      mount: (path: string, listener: Mount["listener"], methods?: readonly string[]) =>
        mounts.push({ path, listener, ...(methods ? { methods } : {}) }),
    };
    started.push(...(await mountTransports(plan, app, context, transports)));
    let renderers: Promise<PlatformRenderers> | undefined;
    const listener = createApp({
      engines,
      asker,
      metrics,
      logger,
      readiness,
      renderers: () => {
        renderers ??= loadPlatformRenderers();
        return renderers;
      },
      publicDir: options.publicDir,
      maxBodyBytes: config.maxBodyBytes,
      trustProxy: config.trustProxy,
      defaultPrivate: config.defaultPrivate,
      mounts,
      ...(insights ? { insights } : {}),
      routes: adminRoutesFor(config, store, engines),
    });
    http = await listenHttp(listener, { port: config.port, host: config.host }).catch(
      async (error: unknown) => {
        await insights?.stop();
        await store?.close().catch(() => undefined);
        throw new StartupError(
          `Cannot listen on ${config.host}:${config.port} (${(error as Error).message}): set PORT to a free port.`,
          { cause: error },
        );
      },
    );
    logger.info({ url: http.url, port: http.port }, `listening on ${http.url}`);
  }

  const first = await engines.reload("start");
  if (!first.ok) {
    await http?.close(0);
    await insights?.stop();
    await limiter.close?.();
    await store?.close().catch(() => undefined);
    throw new StartupError(`Cannot load the corpus in ${config.corpusDir}: ${first.error.message}`, {
      cause: first.error,
    });
  }

  // A process that only reads the shared snapshot re-reads it on SIGHUP, never rebuilds on a change.
  if (config.watchCorpus && !config.snapshotOnly) {
    watch = watchCorpus(config.corpusDir, {
      debounceMs: config.reloadDebounceMs,
      logger,
      onChange: (changed) => void engines.reload(`corpus changed: ${changed.join(", ")}`),
    });
  }

  // One process polls: the web one (or the only one); a worker shares the corpus and sees the files land.
  let feeds: FeedPoller | undefined;
  if (role !== "worker" && (config.ingest.feeds || existsSync(join(config.corpusDir, FEEDS_FILE)))) {
    feeds = startFeedPoller({
      corpusDir: config.corpusDir,
      config,
      logger,
      metrics,
      onChanged: () => {
        if (!config.watchCorpus) void engines.reload("articles ingested");
      },
    });
  }

  // Digests are posted by one process, the one that polls: it sees its own ingests first.
  const digests = role === "worker" ? undefined : startFollowDigests(config, store, engines, logger);

  if (role !== "web") {
    const connections = await connectTransports(plan, context, transports);
    started.push(...connections);
    if (role === "worker" && connections.length === 0) {
      watch?.close();
      await limiter.close?.();
      throw new StartupError("No transport could connect; see the errors above.");
    }
  }
  logger.info(
    { ready: readiness().ready, url: http?.url },
    http ? `Backstory is ready: open ${http.url}` : "Backstory is ready",
  );

  return {
    role,
    plan,
    ...(http ? { http } : {}),
    engines,
    asker,
    metrics,
    transports,
    ...(feeds ? { feeds } : {}),
    ...(digests ? { digests } : {}),
    ...(store ? { store } : {}),
    ...(insights ? { insights } : {}),
    readiness,
    reload: (reason) => {
      watch?.recheck();
      return engines.reload(reason);
    },
    shutdown: async (reason) => {
      shuttingDown = true;
      await feeds?.stop();
      await digests?.stop();
      return shutDownGracefully(reason, {
        logger,
        asker,
        ...(http ? { http } : {}),
        ...(watch ? { watch } : {}),
        ...(store ? { store } : {}),
        ...(insights ? { insights } : {}),
        transports: started,
        status: transports,
        graceMs: config.shutdownGraceMs,
      }).finally(() => limiter.close?.());
    },
  };
}

function announce(plan: readonly PlannedTransport[], role: Role, logger: Logger): void {
  const platforms = plan.filter((t) => t.name !== "playground");
  logger.info(
    { role },
    `Backstory is starting (${role === "all" ? "every transport with credentials" : role})`,
  );
  for (const transport of plan) {
    logger.info({ transport: transport.name, enabled: transport.enabled }, describeTransport(transport));
  }
  if (role !== "worker" && platforms.every((t) => !t.enabled)) {
    logger.info(
      "No platform credentials: serving the bundled corpus in the playground only (see .env.example).",
    );
  }
}

function recordOutcome(metrics: ServiceMetrics, outcome: ReloadOutcome): void {
  if (outcome.ok) recordIndexSize(metrics, outcome.serving.engine.stats, outcome.serving.loadedAt);
  if (outcome.reason === "start") return;
  metrics.reloads.inc({ result: outcome.ok ? "ok" : "failed" });
  if (!outcome.ok) metrics.reloadFailures.inc();
}

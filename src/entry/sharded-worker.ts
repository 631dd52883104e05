import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { fetchGatewayBotInfo } from "../adapters/discord/gateway-info.js";
import type { Config } from "../config.js";
import { hasSnapshot, writeSnapshot } from "../core/snapshot/index.js";
import { createLogger, type Logger } from "../logger.js";
import { createHealthServer } from "../server/health-server.js";
import type { HttpService } from "../server/http-service.js";
import { installProcessGuards } from "./process-guards.js";
import { ShardFleet } from "./shard-fleet.js";

/**
 * The worker when DISCORD_SHARDS is set: a small manager process that makes sure
 * the index snapshot exists (built once here, or required with SNAPSHOT_ONLY),
 * runs the Discord gateway as shards (child processes, see ShardFleet), serves
 * `/healthz`, `/readyz` and `/metrics` for all of them on PORT, forwards SIGHUP,
 * and on SIGTERM stops every shard gracefully before exiting.
 */
export async function runShardedWorker(config: Config): Promise<void> {
  const logger = createLogger({
    level: config.logLevel,
    ...(config.logFormat ? { pretty: config.logFormat === "pretty" } : {}),
  }).child({ shardManager: true });
  const exit = (code: number) => {
    logger.flush();
    setImmediate(() => process.exit(code));
  };
  let fleet: ShardFleet | undefined;
  let health: HttpService | undefined;
  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) {
      logger.warn({ reason }, "second signal: exiting now");
      return exit(1);
    }
    stopping = true;
    logger.info({ reason }, "stopping every discord shard");
    const clean = fleet ? await fleet.stop(config.shutdownGraceMs) : true;
    await health?.close(1000);
    logger.info({ clean }, clean ? "every shard stopped cleanly" : "a shard did not stop cleanly");
    exit(code === 0 && clean ? 0 : code || 1);
  };
  process.on("SIGTERM", () => void stop("SIGTERM", 0));
  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGHUP", () => {
    logger.info("SIGHUP: every shard re-reads the index snapshot");
    fleet?.signal("SIGHUP");
  });
  installProcessGuards(logger, (code) => void stop("uncaught exception", code));

  try {
    const token = config.discord.token;
    if (token === undefined || config.discord.shards === undefined) {
      throw new Error("DISCORD_SHARDS needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.");
    }
    const info = await fetchGatewayBotInfo(token, config.discord.apiUrl);
    const count = config.discord.shards === "auto" ? info.shards : config.discord.shards;
    logger.info(
      { shards: count, recommended: info.shards, maxConcurrency: info.maxConcurrency },
      `running the discord gateway as ${count} shard${count === 1 ? "" : "s"}`,
    );
    if (count < info.shards) {
      logger.warn({ shards: count, recommended: info.shards }, "fewer shards than Discord recommends");
    }
    await ensureSnapshot(config, logger);
    fleet = new ShardFleet({ file: shardFile(), token, count, maxConcurrency: info.maxConcurrency, logger });
    const running = fleet;
    health = await createHealthServer({
      port: config.port,
      host: config.host,
      readiness: () => running.readiness(),
      metricsText: () => running.metricsText(),
      logger,
    });
    logger.info({ url: health.url }, `shard health on ${health.url}/readyz`);
    await fleet.start();
    logger.info({ ready: fleet.readiness().ready }, "every discord shard started");
  } catch (error) {
    logger.fatal({ err: error }, "the sharded worker could not start");
    await stop("startup failed", 1);
  }
}

/** The shard entry beside this file (`.ts` under tsx, `.js` once built). */
function shardFile(): string {
  const here = fileURLToPath(import.meta.url);
  return fileURLToPath(new URL(`./shard${extname(here)}`, import.meta.url));
}

// Shards only read the snapshot: it is built here once, never once per shard.
async function ensureSnapshot(config: Config, logger: Logger): Promise<void> {
  if (await hasSnapshot(config.corpusDir, config.snapshotDir)) return;
  if (config.snapshotOnly) {
    throw new Error(
      `No index snapshot for the corpus in ${config.snapshotDir}: run \`npm run index\` (the release phase) first.`,
    );
  }
  logger.info({ snapshotDir: config.snapshotDir }, "no index snapshot yet: building it once for every shard");
  const { path } = await writeSnapshot(config.corpusDir, config.snapshotDir);
  logger.info({ path }, "index snapshot written");
}

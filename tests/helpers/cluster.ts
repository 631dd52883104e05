import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/slack/fake-slack-api.js";
import { freePort } from "./free-port.js";
import { startHaproxy, type TestProxy } from "./haproxy.js";
import { httpGet } from "./http-get.js";
import { startPostgres, type TestPostgres } from "./postgres.js";
import { startRedis, type TestRedis } from "./redis.js";
import { copySeedCorpus, type SeedCorpusCopy } from "./seed-corpus-copy.js";
import { encryptionKey, installsEnv } from "./slack-install.js";
import { type SpawnedEntry, spawnEntry } from "./spawn-entry.js";
import { until } from "./until.js";

/** One web replica: its own port, behind the proxy. */
export interface Replica {
  name: string;
  url: string;
  entry: SpawnedEntry;
}

/** Everything of a scaled-out deployment, on 127.0.0.1. */
export interface Cluster {
  /** The proxy's URL: what Slack and browsers reach. */
  proxyUrl: string;
  proxy: TestProxy;
  replicas: Replica[];
  /** The sharded worker, and its health URL. */
  worker: SpawnedEntry;
  workerHealthUrl: string;
  slack: FakeSlackApi;
  discord: FakeDiscord;
  redis: TestRedis;
  postgres: TestPostgres;
  /** Per-user rate limit every process shares: answers a minute, and the burst. */
  rateLimit: { perMinute: number; burst: number };
  /** Stops every process and removes every folder, whatever state each is in. */
  stop(): Promise<void>;
}

/** Options of startCluster. */
export interface ClusterOptions {
  /** Per-user limit (default 6 a minute, burst 5). */
  rateLimit?: { perMinute: number; burst: number };
  /** More variables for every process. */
  env?: Record<string, string>;
}

/**
 * Starts a scaled-out Backstory: Redis and PostgreSQL (throw-away, free ports), the
 * index snapshot built once by the release entry into one shared SNAPSHOT_DIR, two
 * web replicas (SNAPSHOT_ONLY) behind HAProxy round robin, and the worker running the
 * Discord gateway as 2 shards against the fake Discord; Slack is the fake Slack, with
 * installs on. Everything started is stopped by `stop()`, also when startup fails half way.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const stops: (() => Promise<unknown> | unknown)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
  };
  try {
    const rateLimit = options.rateLimit ?? { perMinute: 6, burst: 5 };
    const corpus: SeedCorpusCopy = await copySeedCorpus();
    stops.push(() => corpus.remove());
    const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    stops.push(
      () => redis.stop(),
      () => postgres.stop(),
    );
    const slack = await startFakeSlackApi();
    stops.push(() => slack.close());
    const discord = await FakeDiscord.start({ recommendedShards: 2, maxConcurrency: 2 });
    stops.push(() => discord.close());

    const env = {
      CORPUS_DIR: corpus.corpusDir,
      SNAPSHOT_DIR: corpus.snapshotDir,
      DATABASE_URL: postgres.createDatabase(),
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_MINUTE: String(rateLimit.perMinute),
      RATE_LIMIT_BURST: String(rateLimit.burst),
      WATCH_CORPUS: "false",
      SHUTDOWN_GRACE_SECONDS: "3",
      HOST: "127.0.0.1",
      ...options.env,
    };
    // The release phase: the one index build, and the schema, before any process serves.
    const release = await spawnEntry("src/entry/release.ts", env);
    const released = await release.exited;
    if (released !== 0) throw new Error(`the release step failed (${released}): ${release.stderr()}`);

    const serving = { ...env, SNAPSHOT_ONLY: "true", TRUST_PROXY: "true" };
    const replicas: Replica[] = [];
    for (const name of ["web1", "web2"]) {
      const port = await freePort();
      const entry = await spawnEntry("src/entry/web.ts", {
        ...serving,
        ...installsEnv(slack, clusterKey),
        PORT: String(port),
      });
      stops.push(() => killNow(entry));
      replicas.push({ name, url: `http://127.0.0.1:${port}`, entry });
    }
    await Promise.all(
      replicas.map((r) => r.entry.waitForLine((l) => String(l.msg).startsWith("Backstory is ready"), 60_000)),
    );
    const proxy = await startHaproxy(
      replicas.map((r) => ({ name: r.name, port: Number(new URL(r.url).port) })),
    );
    stops.push(() => proxy.stop());
    // The proxy's first health checks: both replicas in rotation before anything is sent.
    await new Promise((resolve) => setTimeout(resolve, 800));

    const workerPort = await freePort();
    const worker = await spawnEntry("src/entry/worker.ts", {
      ...serving,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_SHARDS: "2",
      PORT: String(workerPort),
    });
    // SIGTERM: the worker stops its shards itself (a SIGKILL would leave them to notice alone).
    stops.push(() => stopGently(worker));
    const workerHealthUrl = `http://127.0.0.1:${workerPort}`;
    await discord.shardsReady(
      [
        [0, 2],
        [1, 2],
      ],
      60_000,
    );
    await until(
      async () => (await httpGet(`${workerHealthUrl}/readyz`).catch(() => ({ status: 0 }))).status === 200,
      { withinMs: 30_000, everyMs: 200 },
    );
    return {
      proxyUrl: proxy.url,
      proxy,
      replicas,
      worker,
      workerHealthUrl,
      slack,
      discord,
      redis,
      postgres,
      rateLimit,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

// One key for the whole cluster: every replica must open what another sealed.
const clusterKey = encryptionKey("k1");

async function killNow(entry: SpawnedEntry): Promise<void> {
  if (entry.child.exitCode === null && entry.child.signalCode === null) entry.child.kill("SIGKILL");
  await entry.exited;
}

async function stopGently(entry: SpawnedEntry): Promise<void> {
  if (entry.child.exitCode !== null || entry.child.signalCode !== null) return;
  const timer = setTimeout(() => entry.child.kill("SIGKILL"), 15_000);
  entry.child.kill("SIGTERM");
  await entry.exited;
  clearTimeout(timer);
}

import type { ChildProcess } from "node:child_process";
import { type Shard, ShardingManager } from "discord.js";
import type { Logger } from "../logger.js";
import type { Readiness } from "../server/routes/health.js";
import { mergeMetrics } from "../service/metrics/merge-metrics.js";
import { Registry } from "../service/metrics/registry.js";
import { isReport, type ShardReport } from "./shard-messages.js";

/** Options of a shard fleet. */
export interface ShardFleetOptions {
  /** The shard entry file (`shard.js` beside this one). */
  file: string;
  token: string;
  count: number;
  /** Sessions that may start at once (Discord's max_concurrency). */
  maxConcurrency: number;
  logger: Logger;
  /** How often each shard is asked for its readiness and metrics. */
  reportEveryMs?: number;
}

// Discord: one IDENTIFY per 5 s per concurrency slot; a little margin.
const IDENTIFY_SPACING_MS = 5_500;
// A shard loads the index before it connects: a large snapshot takes a while.
const READY_TIMEOUT_MS = 300_000;

/**
 * The Discord gateway as shards, each a child process run by discord.js's
 * ShardingManager: started one concurrency slot at a time, respawned when one
 * dies, each asked every second for its readiness and metrics (over IPC) so the
 * worker's `/readyz` and `/metrics` speak for all of them, and stopped with
 * SIGTERM so each drains what it is answering.
 */
export class ShardFleet {
  readonly manager: ShardingManager;
  private readonly reports = new Map<number, { report: ShardReport; at: number }>();
  private readonly deaths = new Map<number, number>();
  private readonly registry = new Registry();
  private readonly shardReady = this.registry.gauge(
    "backstory_shard_ready",
    "Whether a Discord shard is ready (index loaded, gateway connected), by shard.",
  );
  private readonly shardUp = this.registry.gauge(
    "backstory_shard_up",
    "Whether a Discord shard's process is running, by shard.",
  );
  private readonly shardDeaths = this.registry.counter(
    "backstory_shard_deaths_total",
    "Discord shard processes that exited and were respawned, by shard.",
  );
  private readonly shardMemory = this.registry.gauge(
    "backstory_shard_resident_bytes",
    "Resident memory of each Discord shard's process (each holds its own copy of the index), by shard.",
  );
  private readonly shardCount = this.registry.gauge("backstory_shards", "Discord shards the worker runs.");
  private nonce = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(private readonly options: ShardFleetOptions) {
    this.manager = new ShardingManager(options.file, {
      token: options.token,
      totalShards: options.count,
      mode: "process",
      respawn: true,
      // The shards run as this process does (under tsx in development and tests).
      execArgv: process.execArgv,
    });
    this.shardCount.set(options.count);
  }

  /** Spawns every shard, one concurrency slot at a time; resolves once each was started. */
  async start(): Promise<void> {
    const { count, maxConcurrency, logger } = this.options;
    this.timer = setInterval(() => this.askForReports(), this.options.reportEveryMs ?? 1000);
    this.timer.unref();
    for (let id = 0; id < count; id++) {
      const shard = this.manager.createShard(id);
      this.watch(shard);
      logger.info({ shard: id, of: count }, "starting discord shard");
      await shard.spawn(READY_TIMEOUT_MS).catch((error: unknown) => {
        // The ShardingManager respawns it; the next shard need not wait for it.
        logger.error({ shard: id, err: error }, "discord shard did not become ready");
      });
      const lastOfSlot = (id + 1) % maxConcurrency === 0;
      if (lastOfSlot && id + 1 < count) await sleep(IDENTIFY_SPACING_MS);
    }
  }

  /** Ready when every shard reported itself ready within the last three report rounds. */
  readiness(): Readiness {
    const now = Date.now();
    const stale = 3 * (this.options.reportEveryMs ?? 1000);
    const shards = [...this.manager.shards.values()].map((shard) => {
      const latest = this.reports.get(shard.id);
      const fresh = latest !== undefined && now - latest.at <= stale && shard.process !== null;
      return {
        id: shard.id,
        pid: shard.process?.pid,
        ready: fresh && latest.report.readiness.ready,
        deaths: this.deaths.get(shard.id) ?? 0,
        ...(fresh ? { rssBytes: latest.report.rssBytes } : {}),
        ...(fresh ? { report: latest.report.readiness } : { report: "no recent report" }),
      };
    });
    const ready =
      !this.stopping && shards.length === this.options.count && shards.every((shard) => shard.ready);
    return { ready, shuttingDown: this.stopping, shards };
  }

  /** The fleet's own metrics, then every shard's, each sample labelled with its shard. */
  metricsText(): string {
    const ready = this.readiness();
    for (const shard of ready.shards as { id: number; ready: boolean; pid?: number; rssBytes?: number }[]) {
      this.shardReady.set(shard.ready ? 1 : 0, { shard: String(shard.id) });
      this.shardUp.set(shard.pid === undefined ? 0 : 1, { shard: String(shard.id) });
      if (shard.rssBytes !== undefined) this.shardMemory.set(shard.rssBytes, { shard: String(shard.id) });
    }
    const texts = new Map<string, string>();
    for (const [id, { report }] of this.reports) texts.set(String(id), report.metrics);
    return this.registry.render() + mergeMetrics("shard", texts);
  }

  /** Forwards a signal to every shard (SIGHUP: re-read the snapshot). */
  signal(signal: NodeJS.Signals): void {
    for (const shard of this.manager.shards.values()) shard.process?.kill(signal);
  }

  /**
   * Stops every shard gracefully: no more respawns, SIGTERM to each (each drains
   * its answers in flight), SIGKILL to any still running after `graceMs`.
   * Resolves with whether every shard exited cleanly (code 0).
   */
  async stop(graceMs: number): Promise<boolean> {
    this.stopping = true;
    clearInterval(this.timer);
    this.manager.respawn = false;
    const exits = [...this.manager.shards.values()].map((shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return Promise.resolve(true);
      return stopChild(child, graceMs);
    });
    return (await Promise.all(exits)).every(Boolean);
  }

  private watch(shard: Shard): void {
    const { logger } = this.options;
    shard.on("message", (message: unknown) => {
      if (isReport(message)) this.reports.set(shard.id, { report: message, at: Date.now() });
    });
    shard.on("death", (child) => {
      this.reports.delete(shard.id);
      if (this.stopping) return;
      this.deaths.set(shard.id, (this.deaths.get(shard.id) ?? 0) + 1);
      this.shardDeaths.inc({ shard: String(shard.id) });
      const code = "exitCode" in child ? child.exitCode : undefined;
      const signal = "signalCode" in child ? child.signalCode : undefined;
      logger.warn({ shard: shard.id, code, signal }, "discord shard exited: respawning it");
    });
    shard.on("ready", () => logger.info({ shard: shard.id }, "discord shard ready"));
    shard.on("disconnect", () => logger.warn({ shard: shard.id }, "discord shard disconnected"));
  }

  private askForReports(): void {
    this.nonce += 1;
    for (const shard of this.manager.shards.values()) {
      const child = shard.process;
      if (!child?.connected) continue;
      child.send({ backstory: "report?", nonce: this.nonce }, (error) => {
        // A shard dying between the check and the send: its death is handled elsewhere.
        if (error) this.reports.delete(shard.id);
      });
    }
  }
}

function stopChild(child: ChildProcess, graceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), graceMs + 5_000);
    child.once("exit", (code) => {
      clearTimeout(killer);
      resolve(code === 0);
    });
    child.kill("SIGTERM");
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import cluster, { type Worker } from "node:cluster";
import type { Config } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { type RunOptions, runRole } from "./run-role.js";

/** What a worker tells its primary once it answers questions. */
const READY = "backstory:web-ready";
/** A worker that dies sooner than this after it was forked is restarted after a pause, not at once. */
const EARLY_DEATH_MS = 10_000;
const RESTART_PAUSE_MS = 1_000;

/**
 * Runs the `web` role as `config.webConcurrency` processes sharing one port
 * (node:cluster; the primary hands connections out in turn). Each worker is the
 * ordinary web process and loads the same snapshot, so memory grows with the
 * count. The primary answers nothing: it starts the first worker alone (which
 * writes the snapshot when there is none), then the others; starts another when
 * one dies; forwards SIGHUP (re-index); and on SIGTERM/SIGINT lets every worker
 * drain, exiting 0 when all of them stopped cleanly, 1 otherwise. A second
 * signal to the primary stops the workers at once. `options` are the workers'
 * (test seams, see `runRole`); a worker runs the same entry file as its primary.
 */
export async function runWebCluster(config: Config, options: RunOptions = {}): Promise<void> {
  if (cluster.isWorker) {
    // A primary that died without stopping its workers leaves them no port to serve: they stop too.
    process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
    const service = await runRole("web", config, { ...options, ignoreRepeatedSignals: true });
    if (service) process.send?.({ type: READY });
    return;
  }
  const logger = createLogger({
    level: config.logLevel,
    ...(config.logFormat ? { pretty: config.logFormat === "pretty" } : {}),
  });
  await supervise(config, logger);
}

async function supervise(config: Config, logger: Logger): Promise<void> {
  const count = config.webConcurrency;
  const workers = new Set<Worker>();
  // Exit codes of the workers stopped by a signal.
  const codes: number[] = [];
  let stopping = false;
  let everReady = false;

  const fork = (): Promise<boolean> => {
    const worker = cluster.fork();
    const forkedAt = Date.now();
    workers.add(worker);
    return new Promise<boolean>((resolve) => {
      worker.on("message", (message: { type?: string } | null) => {
        if (message?.type !== READY) return;
        everReady = true;
        logger.info({ worker: worker.process.pid }, "web worker ready");
        resolve(true);
      });
      worker.on("exit", (code, signal) => {
        workers.delete(worker);
        resolve(false);
        if (stopping) {
          codes.push(code ?? 1);
          if (workers.size === 0) finish();
          return;
        }
        if (!everReady) return;
        logger.warn({ worker: worker.process.pid, code, signal }, "web worker stopped; starting another");
        const pause = Date.now() - forkedAt < EARLY_DEATH_MS ? RESTART_PAUSE_MS : 0;
        setTimeout(() => {
          if (!stopping) void fork();
        }, pause).unref();
      });
    });
  };

  let stoppedCleanly = true;
  const finish = () => {
    const clean = stoppedCleanly && codes.every((code) => code === 0);
    logger.info(
      { clean },
      clean ? "every web worker stopped cleanly" : "web workers stopped with work in flight",
    );
    logger.flush();
    setImmediate(() => process.exit(clean ? 0 : 1));
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: stopping the web workers now");
      for (const worker of workers) worker.process.kill("SIGKILL");
      stoppedCleanly = false;
      return;
    }
    stopping = true;
    logger.info({ signal, workers: workers.size }, "stopping: every web worker finishes what is in flight");
    if (workers.size === 0) finish();
    for (const worker of workers) worker.process.kill(signal);
    // A worker that hangs past its own grace period must not keep the primary alive.
    setTimeout(() => {
      stoppedCleanly = false;
      for (const worker of workers) worker.process.kill("SIGKILL");
    }, config.shutdownGraceMs + 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("SIGHUP", () => {
    for (const worker of workers) worker.process.kill("SIGHUP");
  });

  logger.info({ workers: count }, `starting ${count} web workers`);
  // The first alone: when there is no snapshot yet it builds and writes it, and the others read it.
  if (!(await fork())) {
    if (stopping) return;
    logger.fatal("the first web worker could not start; see its errors above");
    logger.flush();
    process.exit(1);
  }
  await Promise.all(Array.from({ length: count - 1 }, () => (stopping ? Promise.resolve(false) : fork())));
  if (!stopping)
    logger.info({ workers: workers.size }, `Backstory web cluster is ready (${workers.size} workers)`);
}

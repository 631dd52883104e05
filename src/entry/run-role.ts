import type { Config } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { publicDir } from "../service/app-paths.js";
import type { Asker } from "../service/asker.js";
import { StartupError } from "../service/startup-error.js";
import type { Role } from "../service/transports/plan.js";
import type { Transport } from "../service/transports/transport.js";
import { installProcessGuards } from "./process-guards.js";
import { type RunningService, startService } from "./start-service.js";

/** Test seams; production passes none. */
export interface RunOptions {
  wrapAsker?: (asker: Asker) => Asker;
  transports?: readonly Transport[];
  /** Fields on every log line of the process (a shard's id). */
  logBindings?: Record<string, unknown>;
}

/**
 * Runs one Procfile process with the configuration read once by the
 * entrypoint: starts the service, and handles signals: SIGTERM and SIGINT shut down gracefully (exit 0
 * when everything in flight finished, 1 when the grace period ran out), SIGHUP
 * re-indexes the corpus. A startup problem is logged and exits 1.
 */
export async function runRole(
  role: Role,
  config: Config,
  options: RunOptions = {},
): Promise<RunningService | undefined> {
  const root = createLogger({
    level: config.logLevel,
    ...(config.logFormat ? { pretty: config.logFormat === "pretty" } : {}),
  });
  const logger = options.logBindings ? root.child(options.logBindings) : root;
  const signals = handleSignals(logger, config.shutdownGraceMs);
  installProcessGuards(logger, signals.fatal);
  try {
    const service = await startService({
      config,
      logger,
      role,
      ...(options.transports ? { transports: options.transports } : {}),
      publicDir: publicDir(),
      ...(options.wrapAsker ? { wrapAsker: options.wrapAsker } : {}),
    });
    signals.started(service);
    return service;
  } catch (error) {
    if (error instanceof StartupError) logger.fatal(error.message);
    else logger.fatal({ err: error }, "could not start");
    exitSoon(logger, 1);
    return undefined;
  }
}

// Installed before anything starts: a signal while the index loads must not kill the
// process mid-write; nothing has been answered yet, so it simply exits.
function handleSignals(
  logger: Logger,
  graceMs: number,
): { started(service: RunningService): void; fatal(code: number): void } {
  let service: RunningService | undefined;
  let stopping = false;
  const fatal = (code: number) => {
    if (stopping || !service) {
      exitSoon(logger, code);
      return;
    }
    stopping = true;
    // A shutdown that hangs must not keep a broken process alive.
    setTimeout(() => exitSoon(logger, code), graceMs + 5_000).unref();
    service.shutdown("uncaught exception").finally(() => exitSoon(logger, code));
  };
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      exitSoon(logger, 1);
      return;
    }
    stopping = true;
    if (!service) {
      logger.info({ signal }, "stopping before startup finished");
      exitSoon(logger, 0);
      return;
    }
    service.shutdown(signal).then(
      ({ drained }) => exitSoon(logger, drained ? 0 : 1),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        exitSoon(logger, 1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("SIGHUP", () => {
    if (!service) return;
    logger.info("SIGHUP: re-indexing the corpus");
    void service.reload("SIGHUP");
  });
  return {
    started: (running) => {
      service = running;
    },
    fatal,
  };
}

function exitSoon(logger: Logger, code: number): void {
  logger.flush();
  // Let a pretty-printing transport drain its last lines before the process ends.
  setImmediate(() => process.exit(code));
}

import type { Logger } from "pino";
import type { HttpService } from "../server/http-service.js";
import type { CorpusWatch } from "../service/corpus-watcher.js";
import type { ServiceAsker } from "../service/service-asker.js";
import type { StartedTransport } from "../service/transports/start-transports.js";
import type { TransportStatus } from "../service/transports/status.js";
import type { Database } from "../store/database.js";

/** What a graceful shutdown stops, in order. */
export interface ShutdownParts {
  logger: Logger;
  asker: ServiceAsker;
  http?: HttpService;
  watch?: CorpusWatch;
  /** Its queued writes are finished (briefly) before the store closes. */
  insights?: { stop(): Promise<void> };
  /** Closed last, after everything that might still write to it. */
  store?: Database;
  transports: readonly StartedTransport[];
  status: TransportStatus;
  graceMs: number;
}

/**
 * Stops the service gracefully: new questions are refused politely, the port
 * stops accepting, answers and requests in flight get up to `graceMs` to
 * finish, then the gateway and socket transports disconnect. Resolves with
 * whether everything in flight finished in time.
 */
export async function shutDownGracefully(
  reason: string,
  parts: ShutdownParts,
): Promise<{ drained: boolean }> {
  const { logger, asker, http, graceMs } = parts;
  logger.info(
    { reason, answersInFlight: asker.inFlight, requestsInFlight: http?.inFlight ?? 0, graceMs },
    "shutting down: finishing what is in flight",
  );
  asker.drain();
  parts.watch?.close();
  const deadline = Date.now() + graceMs;
  const [web, answers] = await Promise.all([
    http ? http.close(graceMs) : Promise.resolve({ drained: true }),
    withinMs(asker.idle(), graceMs),
  ]);
  // Disconnecting gets whatever grace is left, and at least a second.
  await Promise.all(
    parts.transports.map(async (transport) => {
      const stopped = await withinMs(transport.stop(), Math.max(1000, deadline - Date.now())).catch(
        (error: unknown) => {
          logger.warn({ transport: transport.name, err: error }, "transport did not stop cleanly");
          return false;
        },
      );
      if (!stopped) logger.warn({ transport: transport.name }, "transport still disconnecting at exit");
      parts.status.set(transport.name, "stopped");
    }),
  );
  await parts.insights?.stop().catch(() => undefined);
  await parts.store
    ?.close()
    .catch((error: unknown) => logger.warn({ err: error }, "database did not close cleanly"));
  const drained = web.drained && answers;
  logger.info({ drained }, drained ? "stopped cleanly" : "stopped with work still in flight");
  return { drained };
}

/** Whether `work` settles within `ms`. */
export async function withinMs<T>(work: Promise<T>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

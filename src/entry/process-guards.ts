import type { Logger } from "../logger.js";

/** What the guards do once a fault is fatal: stop the service (drain what is in flight), then exit with `code`. */
export type FatalExit = (code: number) => void;

// Errors of one connection or stream that nothing listened for: the peer hung up or the
// socket was already closed. They leave no shared state half-changed, so serving goes on.
const CONNECTION_ERROR_CODES = new Set([
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ERR_STREAM_DESTROYED",
  "ERR_STREAM_WRITE_AFTER_END",
  "ERR_STREAM_PREMATURE_CLOSE",
  "ERR_HTTP_HEADERS_SENT",
]);

/** Whether an uncaught error belongs to one connection only (safe to log and keep serving). */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CONNECTION_ERROR_CODES.has(code);
}

/**
 * The process-wide policy for errors no handler caught:
 * - a rejected promise nobody awaited is logged and the process keeps serving
 *   (nothing was unwound half-way; a platform SDK's stray rejection is one request's problem);
 * - an uncaught exception of one connection (`ECONNRESET`, `EPIPE`…) is logged and serving goes on;
 * - any other uncaught exception leaves the process in a state nobody can vouch for:
 *   it is logged at fatal level, the service drains what is in flight, and the process
 *   exits 1 so the supervisor (Heroku, systemd, Kubernetes) starts a fresh one.
 * Requests never get here: the HTTP app answers a handler's error with a 500.
 */
export function installProcessGuards(logger: Logger, fatalExit: FatalExit): void {
  let fatal = false;
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled rejection (serving goes on)");
  });
  process.on("uncaughtException", (error, origin) => {
    if (isConnectionError(error)) {
      logger.warn({ err: error, origin }, "uncaught connection error (serving goes on)");
      return;
    }
    logger.fatal({ err: error, origin }, "uncaught exception: shutting down for a restart");
    if (fatal) return;
    fatal = true;
    fatalExit(1);
  });
}

import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger.js";

const TOKEN_PATTERN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/gu;
const REDACTED = "[redacted]";

/**
 * Bolt's logger interface over our pino logger. Bolt logs strings and errors, not
 * objects with named fields, so pino's path redaction cannot see secrets in them:
 * every string is scrubbed of Slack tokens and of the given secret values instead.
 * Bolt's own level changes are ignored; the pino logger's level rules.
 */
export function toBoltLogger(logger: Logger, secrets: readonly (string | undefined)[]): BoltLogger {
  const known = secrets.filter((s): s is string => s !== undefined && s.length >= 8);
  const scrub = (text: string): string =>
    known.reduce((out, secret) => out.split(secret).join(REDACTED), text.replace(TOKEN_PATTERN, REDACTED));
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]): void => {
      if (!logger.isLevelEnabled(level)) return;
      const error = parts.find((p): p is Error => p instanceof Error);
      const message = scrub(parts.map((p) => (p instanceof Error ? p.message : describe(p))).join(" "));
      if (error === undefined) logger[level](message);
      else
        logger[level](
          { err: { type: error.name, message: scrub(error.message), stack: scrub(error.stack ?? "") } },
          message,
        );
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: () => {},
    getLevel: () => boltLevel(logger.level),
    setName: () => {},
  };
}

function describe(part: unknown): string {
  if (typeof part === "string") return part;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

function boltLevel(level: string): LogLevel {
  if (level === "debug" || level === "trace") return LogLevel.DEBUG;
  if (level === "info") return LogLevel.INFO;
  if (level === "warn") return LogLevel.WARN;
  return LogLevel.ERROR;
}

import { type Logger, pino } from "pino";

/** Paths whose values never reach a log line, wherever they appear. */
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  'headers["x-slack-signature"]',
  'headers["x-signature-ed25519"]',
  "config.discordToken",
  "config.slackBotToken",
  "config.slackAppToken",
  "config.slackSigningSecret",
];

/** Options of createLogger. */
export interface LoggerOptions {
  level?: string;
  /** Human-friendly lines instead of JSON (default: when stdout is a TTY). */
  pretty?: boolean;
  /** Where JSON lines go (default stdout); tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream;
}

/**
 * The structured logger: JSON lines (request id, command, platform, latency),
 * secrets redacted by path, and pretty output on a terminal.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? "info";
  const base = {
    level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: serializeError },
    base: { app: "backstory" },
  };
  if (options.destination) return pino(base, options.destination as pino.DestinationStream);
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  if (pretty) {
    return pino({
      ...base,
      // One line per event, so the start's first lines read as a list of what runs.
      transport: {
        target: "pino-pretty",
        options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname,app", singleLine: true },
      },
    });
  }
  // Asynchronous writes: under load a line per request and per answer would otherwise cost a
  // blocking write each on the event loop; lines still go out at once, in order, several per
  // write when they come faster than the pipe takes them. A line logged just before exit (a
  // fatal startup problem, the last line of a shutdown) is not lost: pino flushes this
  // destination synchronously on the process's `exit`.
  return pino(base, pino.destination({ dest: 1, sync: false }));
}

// HTTP client errors (axios and the SDKs built on it) carry the request that failed,
// with its headers and body, so a token could reach a log line through them.
const REQUEST_KEYS = new Set(["config", "request", "response", "headers", "original", "_options"]);

/**
 * Serialises an error as pino does, without the HTTP request and response
 * objects client libraries attach (at any depth), which can hold credentials.
 */
export function serializeError(error: unknown): unknown {
  return stripRequests(pino.stdSerializers.err(error as Error), 0);
}

function stripRequests(value: unknown, depth: number): unknown {
  if (typeof value !== "object" || value === null || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => stripRequests(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!REQUEST_KEYS.has(key)) out[key] = stripRequests(v, depth + 1);
  }
  return out;
}

/** A logger that writes nothing, for tests and library use. */
export const silentLogger: Logger = pino({ level: "silent" });

export type { Logger } from "pino";

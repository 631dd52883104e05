import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logger.js";

/** A logger whose JSON lines a test can read back. */
export interface MemoryLogger {
  logger: Logger;
  /** Every line logged so far, parsed. */
  lines(): Record<string, unknown>[];
  /** The whole log as text, to check what it does (not) contain. */
  text(): string;
}

/** A real (pino) logger writing into memory, secrets redacted as in production. */
export function memoryLogger(level = "info"): MemoryLogger {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const text = () => chunks.join("");
  return {
    logger,
    text,
    lines: () =>
      text()
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

import { randomBytes } from "node:crypto";
import { asBackstoryError, type ErrorCode } from "../core/errors.js";
import type { Logger } from "../logger.js";

/** Where a failure happened, for its log line (never shown to the user). */
export interface FailureContext {
  /** What was being done: `command`, `button page`, `slash_command`, `app_mention`, `deliver …`. */
  stage: string;
  command?: string;
  user?: string;
  interactionId?: string;
}

/** A failure as shown: the sentence for the user, and the reference the log holds. */
export interface FailureView {
  /** What the user is told; an internal failure's sentence ends with its reference. */
  message: string;
  reference: string;
  code: ErrorCode;
}

// Unambiguous characters only (no 0/O, 1/I/L), so a reference reads back over the phone.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A short reference id for one failure: 6 characters of an unambiguous alphabet. */
export function newReference(): string {
  return Array.from(randomBytes(6), (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join("");
}

/**
 * Logs a failure under a new reference id and says what to tell the user. One
 * rule for every platform: an internal failure is logged at `error` with its
 * details and the user gets an apology naming the reference; an error meant for
 * the user (a missing option, a rate limit) is logged at `info` under its
 * reference and the user gets its own message, with nothing to report.
 */
export function presentFailure(error: unknown, logger: Logger, context: FailureContext): FailureView {
  const reference = newReference();
  const coded = asBackstoryError(error);
  if (coded.code === "internal") {
    logger.error({ ...context, reference, code: coded.code, err: error }, "answering failed");
    return {
      message: `${coded.userMessage} If it happens again, mention reference ${reference}.`,
      reference,
      code: coded.code,
    };
  }
  logger.info({ ...context, reference, code: coded.code }, "request refused");
  return { message: coded.userMessage, reference, code: coded.code };
}

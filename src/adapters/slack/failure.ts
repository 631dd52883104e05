import { randomBytes } from "node:crypto";
import { BackstoryError } from "../../core/errors.js";
import type { Logger } from "../../logger.js";
import { escapeWithin } from "./escape.js";
import { MAX_SECTION_TEXT } from "./limits.js";
import type { SlackMessage } from "./render-blocks.js";
import { mrkdwn } from "./text-objects.js";

/** Where a failure happened, for the log line (never shown to the user). */
export interface FailureContext {
  /** What was being done: `slash_command`, `button`, `app_mention`. */
  stage: string;
  command?: string;
  user?: string;
}

/**
 * What the user is told when answering fails. A BackstoryError the user can act on
 * (unknown command, missing option, rate limit) shows its own message; anything else
 * gets a short apology with a reference id, and the details go to the log under
 * that id.
 */
export function failureMessage(error: unknown, logger: Logger, context: FailureContext): SlackMessage {
  if (error instanceof BackstoryError && error.code !== "internal") {
    logger.info({ ...context, code: error.code }, "slack: request refused");
    return warning(error.userMessage);
  }
  const reference = newReference();
  logger.error({ ...context, reference, err: error }, "slack: answering failed");
  return warning(
    `Something went wrong while answering. If it happens again, mention reference ${reference}.`,
  );
}

/** A short id to find a failure in the log: 8 upper-case hex digits. */
export function newReference(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

function warning(text: string): SlackMessage {
  const escaped = escapeWithin(text, MAX_SECTION_TEXT - 10);
  return { text: escaped, blocks: [{ type: "section", text: mrkdwn(`:warning: ${escaped}`) }] };
}

import type { Logger } from "../../logger.js";
import { type FailureContext, presentFailure } from "../../present/failure.js";
import { escapeWithin } from "./escape.js";
import { MAX_SECTION_TEXT } from "./limits.js";
import type { SlackMessage } from "./render-blocks.js";
import { mrkdwn } from "./text-objects.js";

/** Logs a failure (see presentFailure) and returns its message, as a warning section. */
export function failureMessage(error: unknown, logger: Logger, context: FailureContext): SlackMessage {
  const escaped = escapeWithin(presentFailure(error, logger, context).message, MAX_SECTION_TEXT - 10);
  return { text: escaped, blocks: [{ type: "section", text: mrkdwn(`:warning: ${escaped}`) }] };
}

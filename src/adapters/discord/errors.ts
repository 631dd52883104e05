import { randomBytes } from "node:crypto";
import { MessageFlags } from "discord.js";
import { asBackstoryError } from "../../core/errors.js";
import type { Logger } from "../../logger.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitMarkdown } from "./markdown.js";
import { type DiscordMessage, NO_MENTIONS } from "./message.js";

/** What the log line of a failure says about where it happened. */
export interface FailureContext {
  /** What was being done: `command`, `button`, `autocomplete`, `deliver`. */
  stage: string;
  command?: string;
  interactionId?: string;
  user?: string;
}

// Unambiguous characters only (no 0/O, 1/I/L), so a reference reads back over the phone.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A short reference id for one failure, shown to the user and written to the log. */
export function newReference(): string {
  return Array.from(randomBytes(6), (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join("");
}

/**
 * Logs a failure with its details and returns the short, friendly, private
 * message to show for it, with the same reference id. Errors meant for users
 * (a missing option, a rate limit) show their own message; anything else shows
 * a generic one, its details staying in the log.
 */
export function failureMessage(error: unknown, logger: Logger, context: FailureContext): DiscordMessage {
  const reference = logFailure(error, logger, context);
  return privateNotice(`${asBackstoryError(error).userMessage} (reference ${reference})`);
}

/**
 * Logs a failure with its details under a new reference id, and returns the id:
 * internal errors at `error`, errors meant for users (bad input, limits) at `warn`.
 */
export function logFailure(error: unknown, logger: Logger, context: FailureContext): string {
  const reference = newReference();
  const { code } = asBackstoryError(error);
  const detail = { ...context, reference, code, err: error };
  if (code === "internal") logger.error(detail, "discord interaction failed");
  else logger.warn(detail, "discord interaction refused");
  return reference;
}

/** The answer to a button Backstory no longer understands (from an older version, or altered). */
export function staleButtonMessage(): DiscordMessage {
  return privateNotice(
    "This button has expired (Backstory was updated since it was posted). Please run the command again.",
  );
}

/** A short private text message, with no mentions. */
export function privateNotice(text: string): DiscordMessage {
  return {
    content: `⚠️ ${fitMarkdown(text, DISCORD_LIMITS.content - 3)}`,
    embeds: [],
    components: [],
    allowed_mentions: NO_MENTIONS,
    flags: MessageFlags.Ephemeral,
  };
}

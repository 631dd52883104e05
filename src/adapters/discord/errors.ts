import { MessageFlags } from "discord.js";
import type { Logger } from "../../logger.js";
import { type FailureContext, presentFailure } from "../../present/failure.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitMarkdown } from "./markdown.js";
import { type DiscordMessage, NO_MENTIONS } from "./message.js";

/** Logs a failure (see presentFailure) and returns its private message. */
export function failureMessage(error: unknown, logger: Logger, context: FailureContext): DiscordMessage {
  return privateNotice(presentFailure(error, logger, context).message);
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

import type { DiscordMessage } from "./message.js";

/** One autocomplete suggestion. */
export interface AutocompleteChoice {
  name: string;
  value: string;
}

/**
 * The ways Backstory answers an interaction, whatever the transport: the
 * gateway bot maps them to discord.js's interaction methods, the HTTP endpoint
 * to its HTTP response (the first one) and to REST calls (the rest). Exactly
 * one of the first five is called, once, within Discord's 3 seconds.
 */
export interface InteractionResponder {
  /** A new message (callback type 4). */
  reply(message: DiscordMessage): Promise<void>;
  /** "Backstory is thinking…" (type 5); the answer follows with `editReply`. */
  deferReply(isPrivate: boolean): Promise<void>;
  /** Replaces the message the clicked button is on (type 7). Flags are not sent. */
  update(message: DiscordMessage): Promise<void>;
  /** Acknowledges a click; the message is replaced later with `editReply` (type 6). */
  deferUpdate(): Promise<void>;
  /** Autocomplete suggestions (type 8). */
  suggest(choices: readonly AutocompleteChoice[]): Promise<void>;
  /** Edits the original response, or the clicked message after `deferUpdate`. Flags are not sent. */
  editReply(message: DiscordMessage): Promise<void>;
  /** Deletes the original response. */
  deleteReply(): Promise<void>;
  /** A further message after the first response (it may be private when the first was not). */
  followUp(message: DiscordMessage): Promise<void>;
}

/** The message without `flags`: edits and updates cannot change a message's visibility. */
export function withoutFlags(message: DiscordMessage): DiscordMessage {
  const { flags: _flags, ...rest } = message;
  return rest;
}

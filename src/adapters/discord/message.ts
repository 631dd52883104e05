import type {
  APIActionRowComponent,
  APIAllowedMentions,
  APIButtonComponentWithCustomId,
  APIEmbed,
} from "discord.js";

/** A row of our buttons (Previous, Next, Post to channel). */
export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/**
 * A message as sent to Discord's API (snake_case JSON), the same for an
 * interaction callback, a webhook edit and a follow-up.
 */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Always `{ parse: [] }`: echoed user or corpus text never pings anyone. */
  allowed_mentions: APIAllowedMentions;
  /** `MessageFlags.Ephemeral` for a private answer; left out on edits, which cannot change it. */
  flags?: number;
}

/** The allowed mentions of every message we send: none. */
export const NO_MENTIONS: APIAllowedMentions = Object.freeze({ parse: [] }) as APIAllowedMentions;

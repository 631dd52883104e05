import type {
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
  APIEmbed,
  APIInteraction,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIUser,
} from "discord.js";

/**
 * Payloads shaped like the ones Discord sends (interactions) and returns
 * (messages), for the fake's gateway, its REST answers and the HTTP endpoint tests.
 */

export const GUILD_ID = "300000000000000001";
const DEFAULT_GUILD_ID = GUILD_ID;
export const CHANNEL_ID = "300000000000000002";
export const BOT_USER_ID = "300000000000000003";
export const DEFAULT_USER_ID = "300000000000000004";

let nextSnowflake = 400_000_000_000_000_000n;

/** A fresh snowflake-like id. */
export function snowflake(): string {
  nextSnowflake += 1n;
  return nextSnowflake.toString();
}

/** The bot's user. */
export function botUser(): APIUser {
  return {
    id: BOT_USER_ID,
    username: "Backstory",
    discriminator: "0",
    global_name: "Backstory",
    avatar: null,
    bot: true,
  };
}

function humanUser(id: string): APIUser {
  return { id, username: `reader${id.slice(-4)}`, discriminator: "0", global_name: "A Reader", avatar: null };
}

/** A value of a slash command option as a test gives it. */
export type OptionInput = string | number | boolean;

/** Who asks, and where. */
export interface InteractionContext {
  id: string;
  token: string;
  applicationId: string;
  userId?: string;
  locale?: string;
  /** The server it happens in (default GUILD_ID): the gateway routes it to the shard of that guild. */
  guildId?: string;
}

function common(context: InteractionContext) {
  const user = humanUser(context.userId ?? DEFAULT_USER_ID);
  const GUILD_ID = context.guildId ?? DEFAULT_GUILD_ID;
  return {
    id: context.id,
    application_id: context.applicationId,
    token: context.token,
    version: 1 as const,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0 as const, guild_id: GUILD_ID, name: "news" },
    member: {
      user,
      roles: [],
      joined_at: "2025-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      permissions: "2248473465835073",
    },
    app_permissions: "2248473465835073",
    locale: context.locale ?? "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": GUILD_ID },
    context: 0 as const,
    attachment_size_limit: 8_388_608,
  };
}

function optionType(value: OptionInput): 3 | 4 | 5 | 10 {
  if (typeof value === "string") return 3;
  if (typeof value === "boolean") return 5;
  return Number.isInteger(value) ? 4 : 10;
}

/** A slash command interaction (`/quote speaker:petro`). */
export function commandInteraction(
  context: InteractionContext,
  name: string,
  options: Record<string, OptionInput>,
): APIChatInputApplicationCommandInteraction {
  return {
    ...common(context),
    type: 2,
    data: {
      id: `cmd-${name}`,
      name,
      type: 1,
      options: Object.entries(options).map(([option, value]) => ({
        name: option,
        type: optionType(value),
        value,
      })),
    },
  } as APIChatInputApplicationCommandInteraction;
}

/** An autocomplete interaction while the user types into `focused`. */
export function autocompleteInteraction(
  context: InteractionContext,
  name: string,
  options: Record<string, OptionInput>,
  focused: string,
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...common(context),
    type: 4,
    data: {
      id: `cmd-${name}`,
      name,
      type: 1,
      options: Object.entries(options).map(([option, value]) => ({
        name: option,
        type: optionType(value),
        value,
        ...(option === focused ? { focused: true } : {}),
      })),
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** A click on a button of `message`. */
export function buttonInteraction(
  context: InteractionContext,
  message: APIMessage,
  customId: string,
): APIMessageComponentButtonInteraction {
  return {
    ...common(context),
    type: 3,
    message,
    data: { custom_id: customId, component_type: 2 },
  } as APIMessageComponentButtonInteraction;
}

/** What a stored message holds. */
export interface MessageContent {
  content?: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  flags?: number;
}

/** A message object as Discord returns it. */
export function messageObject(
  id: string,
  applicationId: string,
  content: MessageContent,
  interaction?: { id: string; userId: string },
): APIMessage {
  return {
    id,
    channel_id: CHANNEL_ID,
    author: botUser(),
    content: content.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: content.embeds ?? [],
    pinned: false,
    type: 20,
    flags: content.flags ?? 0,
    components: content.components ?? [],
    application_id: applicationId,
    webhook_id: applicationId,
    ...(interaction
      ? {
          interaction_metadata: {
            id: interaction.id,
            type: 2,
            user: humanUser(interaction.userId),
            authorizing_integration_owners: { "0": GUILD_ID },
          },
        }
      : {}),
  } as APIMessage;
}

/** Whether an interaction payload is a click on a message's button. */
export function isComponentInteraction(
  payload: APIInteraction,
): payload is APIMessageComponentButtonInteraction {
  return payload.type === 3;
}

import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIInteraction,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  MessageFlags,
} from "discord.js";
import type { CommandArgs, Invocation, OptionValue, Place } from "../../core/invocation.js";
import { answerIdInComponents } from "./vote-button.js";

/** The option every Discord command gets for the answer's visibility. */
export const PRIVATE_OPTION = "private";

/** Who asked, for rate limits and logs; and where (guild, channel), for the insights. */
export interface Requester {
  user?: string;
  locale?: string;
  /** The channel, guild and the member's permissions there. */
  place?: Place;
}

/** A slash command's option as Discord sends it (top-level options only: we have no subcommands). */
export interface RawOption {
  name: string;
  value?: string | number | boolean;
  focused?: boolean;
}

/**
 * An interaction reduced to what Backstory acts on, whichever transport
 * (gateway or HTTP) it came through.
 */
export type IncomingInteraction =
  | ({ kind: "command"; id: string; command: string; options: readonly RawOption[] } & Requester)
  | ({ kind: "autocomplete"; id: string; command: string; options: readonly RawOption[] } & Requester)
  | ({
      kind: "button";
      id: string;
      customId: string;
      /** Footer text of the message's first embed, where the asked line lives. */
      footer?: string;
      /** Whether the message holding the button is ephemeral. */
      ephemeral: boolean;
      /** The signed answer id of the message's vote buttons, kept by paging and posting. */
      answerId?: string;
    } & Requester)
  | { kind: "ping" }
  | { kind: "unsupported"; id: string; type: number };

/** Reads an interaction payload (HTTP endpoint) into an IncomingInteraction. */
export function fromApiInteraction(interaction: APIInteraction): IncomingInteraction {
  const locale = "locale" in interaction ? interaction.locale : undefined;
  const channel = interaction.channel?.id ?? interaction.channel_id;
  const place: Place | undefined =
    channel === undefined
      ? undefined
      : {
          channel,
          ...(interaction.guild_id !== undefined && { workspace: interaction.guild_id }),
          ...(interaction.member?.permissions !== undefined && {
            permissions: interaction.member.permissions,
          }),
        };
  const who = requesterOf(interaction.member?.user.id ?? interaction.user?.id, locale, place);
  switch (interaction.type) {
    case InteractionType.Ping:
      return { kind: "ping" };
    case InteractionType.ApplicationCommand:
      if (interaction.data.type !== ApplicationCommandType.ChatInput) break;
      return {
        kind: "command",
        id: interaction.id,
        command: interaction.data.name,
        options: basicOptions(interaction.data.options),
        ...who,
      };
    case InteractionType.ApplicationCommandAutocomplete:
      return {
        kind: "autocomplete",
        id: interaction.id,
        command: interaction.data.name,
        options: basicOptions(interaction.data.options),
        ...who,
      };
    case InteractionType.MessageComponent: {
      if (interaction.data.component_type !== ComponentType.Button) break;
      const footer = interaction.message.embeds[0]?.footer?.text;
      const answerId = answerIdInComponents(interaction.message.components);
      return {
        kind: "button",
        id: interaction.id,
        customId: interaction.data.custom_id,
        ephemeral: ((interaction.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
        ...(footer === undefined ? {} : { footer }),
        ...(answerId === undefined ? {} : { answerId }),
        ...who,
      };
    }
    default:
      break;
  }
  return { kind: "unsupported", id: interaction.id, type: interaction.type };
}

/** `user` and `locale` when known (never `undefined`-valued keys). */
export function requesterOf(user: string | undefined, locale: string | undefined, place?: Place): Requester {
  const who: Requester = {};
  if (user !== undefined) who.user = user;
  if (locale !== undefined) who.locale = locale;
  if (place !== undefined) who.place = place;
  return who;
}

function basicOptions(options: readonly { name: string; type: number }[] | undefined): RawOption[] {
  return (options ?? []).map((option) => {
    const basic = option as APIApplicationCommandInteractionDataBasicOption;
    const raw: RawOption = { name: basic.name };
    if ("value" in basic && basic.value !== undefined) raw.value = basic.value;
    if ("focused" in basic && basic.focused) raw.focused = true;
    return raw;
  });
}

/**
 * The Invocation for a slash command and whether its answer is private: the
 * `private` option when given, `defaultPrivate` otherwise. `private` is not
 * passed on: it is Discord's, not the command's.
 */
export function toInvocation(
  incoming: { command: string; options: readonly RawOption[] } & Requester,
  defaultPrivate: boolean,
): { invocation: Invocation; isPrivate: boolean } {
  const args: Record<string, OptionValue> = {};
  let isPrivate = defaultPrivate;
  for (const option of incoming.options) {
    if (option.value === undefined) continue;
    if (option.name === PRIVATE_OPTION) isPrivate = option.value === true || option.value === "true";
    else args[option.name] = option.value;
  }
  return { invocation: invocationFor(incoming.command, args, incoming), isPrivate };
}

/** An Invocation from Discord. */
export function invocationFor(command: string, args: CommandArgs, who: Requester): Invocation {
  return { command, args, platform: "discord", ...requesterOf(who.user, who.locale, who.place) };
}

import {
  type BaseMessageOptions,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
} from "discord.js";
import type { DiscordMessage } from "./message.js";
import type { AutocompleteChoice, InteractionResponder } from "./responder.js";

/**
 * Answers through discord.js's own interaction methods (`reply`, `deferReply`,
 * `update`, `editReply`…), which post to the interaction callback and webhook
 * routes of the client's REST API.
 */
export function discordJsResponder(interaction: Interaction): InteractionResponder {
  const unsupported = (what: string) =>
    Promise.reject(new Error(`Cannot ${what} a ${interaction.constructor.name}.`));
  return {
    reply: async (message) => {
      if (!interaction.isRepliable()) return unsupported("reply to");
      await interaction.reply(replyOptions(message));
    },
    deferReply: async (isPrivate) => {
      if (!interaction.isRepliable()) return unsupported("defer");
      await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
    },
    update: async (message) => {
      if (!interaction.isMessageComponent()) return unsupported("update");
      await interaction.update(messageOptions(message));
    },
    deferUpdate: async () => {
      if (!interaction.isMessageComponent()) return unsupported("defer an update of");
      await interaction.deferUpdate();
    },
    suggest: async (choices: readonly AutocompleteChoice[]) => {
      if (!interaction.isAutocomplete()) return unsupported("suggest for");
      await interaction.respond([...choices]);
    },
    editReply: async (message) => {
      if (!interaction.isRepliable()) return unsupported("edit the reply of");
      await interaction.editReply(messageOptions(message));
    },
    deleteReply: async () => {
      if (!interaction.isRepliable()) return unsupported("delete the reply of");
      await interaction.deleteReply();
    },
    followUp: async (message) => {
      if (!interaction.isRepliable()) return unsupported("follow up");
      await interaction.followUp(replyOptions(message));
    },
  };
}

/** Content, embeds, components and mentions, as discord.js takes them (it passes API JSON through). */
function messageOptions(message: DiscordMessage): BaseMessageOptions {
  const options: BaseMessageOptions = {
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [] },
  };
  if (message.content !== undefined) options.content = message.content;
  return options;
}

function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  const options: InteractionReplyOptions = messageOptions(message);
  if (message.flags !== undefined && (message.flags & MessageFlags.Ephemeral) !== 0) {
    options.flags = MessageFlags.Ephemeral;
  }
  return options;
}

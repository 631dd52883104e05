import { type CommandInteractionOption, type Interaction, MessageFlags } from "discord.js";
import { type IncomingInteraction, type RawOption, requesterOf } from "./invocation.js";
import { answerIdInComponents } from "./vote-button.js";

/** Reads a discord.js interaction (gateway bot) into an IncomingInteraction. */
export function fromDiscordJsInteraction(interaction: Interaction): IncomingInteraction {
  const channel = interaction.channelId ?? undefined;
  const permissions = interaction.memberPermissions?.bitfield.toString();
  const who = requesterOf(
    interaction.user.id,
    interaction.locale,
    channel === undefined
      ? undefined
      : {
          channel,
          ...(interaction.guildId !== null && { workspace: interaction.guildId }),
          ...(permissions !== undefined && { permissions }),
        },
  );
  if (interaction.isChatInputCommand()) {
    return {
      kind: "command",
      id: interaction.id,
      command: interaction.commandName,
      options: rawOptions(interaction.options.data),
      ...who,
    };
  }
  if (interaction.isAutocomplete()) {
    return {
      kind: "autocomplete",
      id: interaction.id,
      command: interaction.commandName,
      options: rawOptions(interaction.options.data),
      ...who,
    };
  }
  if (interaction.isButton()) {
    const footer = interaction.message.embeds[0]?.footer?.text;
    const answerId = answerIdInComponents(interaction.message.components.map((row) => row.toJSON()));
    return {
      kind: "button",
      id: interaction.id,
      customId: interaction.customId,
      ephemeral: interaction.message.flags.has(MessageFlags.Ephemeral),
      ...(footer === undefined ? {} : { footer }),
      ...(answerId === undefined ? {} : { answerId }),
      ...who,
    };
  }
  return { kind: "unsupported", id: interaction.id, type: interaction.type };
}

function rawOptions(options: readonly CommandInteractionOption[]): RawOption[] {
  return options.map((option) => {
    const raw: RawOption = { name: option.name };
    if (option.value !== undefined && option.value !== null) raw.value = option.value;
    if (option.focused) raw.focused = true;
    return raw;
  });
}

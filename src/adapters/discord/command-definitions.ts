import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Command, CommandOption } from "../../../commands/index.js";
import { commands as commandTable } from "../../../commands/index.js";
import { truncate } from "../../core/layout.js";
import { PRIVATE_OPTION } from "./invocation.js";
import { DISCORD_LIMITS as LIMITS } from "./limits.js";

/** A slash command as registered with Discord. */
export type DiscordCommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Text option values longer than this are refused by Discord's client; the command table clips at 500 too. */
const MAX_TEXT_OPTION = 500;

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

/**
 * The command table as Discord application commands: one chat-input command
 * per entry, its options (required ones first, as Discord demands) with
 * autocomplete where the table names a source, plus a `private` option on
 * every command whose description states the default.
 */
export function discordCommandDefinitions(
  defaultPrivate: boolean,
  table: readonly Command[] = commandTable,
): DiscordCommandDefinition[] {
  return table.map((command) => {
    const options = [...command.options]
      .sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false))
      .map(optionDefinition);
    options.push({
      type: ApplicationCommandOptionType.Boolean,
      name: PRIVATE_OPTION,
      description: `Only you see the answer (default: ${defaultPrivate ? "yes" : "no"})`,
      required: false,
    });
    return {
      type: ApplicationCommandType.ChatInput,
      name: command.name,
      description: truncate(command.description, LIMITS.commandDescription),
      options: options.slice(0, LIMITS.optionsPerCommand),
    };
  });
}

function optionDefinition(option: CommandOption): APIApplicationCommandBasicOption {
  const base = {
    name: option.name,
    description: truncate(option.description, LIMITS.optionDescription),
    required: option.required ?? false,
  };
  switch (option.type) {
    case "string":
      return {
        ...base,
        type: OPTION_TYPES.string,
        max_length: MAX_TEXT_OPTION,
        ...(option.autocomplete ? { autocomplete: true } : {}),
      };
    case "integer":
      return { ...base, type: OPTION_TYPES.integer };
    case "boolean":
      return { ...base, type: OPTION_TYPES.boolean };
  }
}

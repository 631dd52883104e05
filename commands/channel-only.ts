import type { Answer } from "../src/core/answer.js";
import type { CommandArgs } from "../src/core/invocation.js";

/**
 * The answer of a channel command (`/follow`, `/unfollow`, `/following`, `/add`) asked
 * outside a channel (the CLI, the playground): the service answers them in a Discord or
 * Slack channel, where there is a channel to act on and a database to keep it.
 */
export function channelOnly(command: string, args: CommandArgs): Answer {
  const query = Object.values(args).join(" ").trim();
  return {
    command,
    query,
    title: `/${command}${query ? ` ${query}` : ""}`,
    items: [],
    notice: `/${command} works in a Discord or Slack channel where Backstory runs with a database.`,
  };
}

/** The names of the channel commands, which the service answers itself in a channel. */
export const CHANNEL_COMMANDS: ReadonlySet<string> = new Set(["follow", "unfollow", "following", "add"]);

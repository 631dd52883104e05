import { add } from "./add.js";
import { follow } from "./follow.js";
import { following } from "./following.js";
import { helpCommand } from "./help.js";
import { quote } from "./quote.js";
import { search } from "./search.js";
import { sources } from "./sources.js";
import { timeline } from "./timeline.js";
import type { Command } from "./types.js";
import { unfollow } from "./unfollow.js";
import { who } from "./who.js";
import { why } from "./why.js";

/**
 * The one table of slash commands. Discord registration, the Slack manifest,
 * `/help`, the CLI and the playground all read it.
 */
export const commands: readonly Command[] = Object.freeze([
  timeline,
  quote,
  why,
  search,
  who,
  sources,
  follow,
  unfollow,
  following,
  add,
  helpCommand(() => commands),
]);

/** The names of the table's commands, e.g. to bound a metric's labels without resolving a request again. */
export const commandNames: ReadonlySet<string> = new Set(commands.map((c) => c.name));

/** The command with this name (case-insensitive, slash optional), if any. */
export function findCommand(name: string): Command | undefined {
  const wanted = name.replace(/^\//u, "").toLowerCase();
  return commands.find((c) => c.name === wanted);
}

export type { Command, CommandContext, CommandOption, CompletionSource, OptionType } from "./types.js";

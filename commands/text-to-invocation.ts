import { BackstoryError } from "../src/core/errors.js";
import type { Invocation, OptionValue, Platform } from "../src/core/invocation.js";
import { findCommand } from "./index.js";
import type { Command } from "./types.js";

/** Where a text was typed, and what the platform already said about it. */
export interface TypedContext {
  platform: Platform;
  /** Platform user id, for rate limits and logs. */
  user?: string;
  /**
   * The command the platform already names (a Slack slash command's name): the
   * whole text is then its options. The umbrella, or a name the table does not
   * know (a renamed slash command), leaves the text to name the command.
   */
  command?: string;
  /** The command asked when the first word names none (mentions: a search). */
  defaultCommand?: string;
}

/** The umbrella command: `/backstory quote petro` works where another app owns `/quote`. */
export const UMBRELLA = "backstory";

/**
 * A slash command typed as text (Slack, the playground, the CLI, the prompt) as an
 * Invocation: `/quote gustavo petro about visa private`. The first option takes
 * the words up to the name of another option; later options are introduced by
 * their name (`about visa`) or written `name:value`; a last word `private` or
 * `public` (or `--private`, `--public`) sets the visibility. Throws a
 * BackstoryError for an unknown command. The options are checked when asked.
 */
export function textToInvocation(text: string, context: TypedContext): Invocation {
  let words = text
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== "");
  const named = context.command?.replace(/^\//u, "").toLowerCase();
  let command = named !== undefined && named !== UMBRELLA ? findCommand(named) : undefined;
  if (!command) {
    if (words[0]?.replace(/^\//u, "").toLowerCase() === UMBRELLA) words = words.slice(1);
    const name = words[0]?.replace(/^\//u, "") ?? "";
    command = findCommand(name);
    if (!command && context.defaultCommand) command = findCommand(context.defaultCommand);
    else words = words.slice(1);
    if (!command) {
      const shown = name === "" ? "" : ` “${Array.from(name).slice(0, 32).join("")}”`;
      throw new BackstoryError("unknown_command", `Unknown command${shown}. Try /help for the list.`);
    }
  }
  const invocation: Invocation = { command: command.name, args: {}, platform: context.platform };
  if (context.user !== undefined && context.user !== "") invocation.user = context.user;
  const last = words.at(-1)?.toLowerCase().replace(/^--/u, "");
  if (
    (last === "private" || last === "public") &&
    (words.length > 1 || command.options.every((o) => !o.required))
  ) {
    invocation.visibility = last;
    words = words.slice(0, -1);
  }
  invocation.args = assignOptions(command, words);
  return invocation;
}

function assignOptions(command: Command, words: string[]): Record<string, OptionValue> {
  const args: Record<string, OptionValue> = {};
  const names = new Set(command.options.map((o) => o.name));
  let current = command.options[0]?.name;
  const collected = new Map<string, string[]>();
  for (const word of words) {
    const explicit = /^([a-z]+)[:=](.*)$/iu.exec(word);
    if (explicit && names.has((explicit[1] as string).toLowerCase())) {
      current = (explicit[1] as string).toLowerCase();
      if (explicit[2]) push(collected, current, explicit[2]);
      continue;
    }
    const lower = word.toLowerCase();
    if (
      names.has(lower) &&
      lower !== command.options[0]?.name &&
      (collected.get(current ?? "")?.length ?? 0) > 0
    ) {
      current = lower;
      continue;
    }
    if (current) push(collected, current, word);
  }
  for (const [name, value] of collected) args[name] = unquote(value.join(" "));
  return args;
}

function push(map: Map<string, string[]>, key: string, word: string): void {
  const words = map.get(key);
  if (words) words.push(word);
  else map.set(key, [word]);
}

function unquote(text: string): string {
  const m = /^(["“'])(.*)(["”'])$/u.exec(text);
  return m ? (m[2] as string) : text;
}

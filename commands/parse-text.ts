import { BackstoryError } from "../src/core/errors.js";
import type { OptionValue } from "../src/core/invocation.js";
import { findCommand } from "./index.js";
import type { Command } from "./types.js";

/** Whether the asker wants the answer for themselves or for the channel. */
export type Visibility = "private" | "public";

/** A command typed as text, parsed. */
export interface ParsedText {
  command: string;
  args: Record<string, OptionValue>;
  /** Set when the text ends with `private` or `public` (or `--private`, `--public`). */
  visibility?: Visibility;
}

/** The umbrella command: `/backstory quote petro` works where another app owns `/quote`. */
export const UMBRELLA = "backstory";

/**
 * Parses a slash command typed as text (CLI, Slack, playground):
 * `/quote gustavo petro about visa private`. The first option takes the words
 * up to the name of another option; later options are introduced by their
 * name (`about visa`) or written `name:value`. Throws a BackstoryError for an
 * unknown command.
 */
export function parseCommandText(text: string, defaultCommand?: string): ParsedText {
  let words = text
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== "");
  if (words[0]?.replace(/^\//u, "").toLowerCase() === UMBRELLA) words = words.slice(1);
  let name = words[0]?.replace(/^\//u, "") ?? "";
  let command = findCommand(name);
  if (!command && defaultCommand) {
    command = findCommand(defaultCommand);
    name = defaultCommand;
  } else {
    words = words.slice(1);
  }
  if (!command) {
    const shown = name === "" ? "" : ` “${Array.from(name).slice(0, 32).join("")}”`;
    throw new BackstoryError("unknown_command", `Unknown command${shown}. Try /help for the list.`);
  }
  const parsed: ParsedText = { command: command.name, args: {} };
  const last = words.at(-1)?.toLowerCase().replace(/^--/u, "");
  if (
    (last === "private" || last === "public") &&
    (words.length > 1 || command.options.every((o) => !o.required))
  ) {
    parsed.visibility = last;
    words = words.slice(0, -1);
  }
  assignOptions(command, words, parsed.args);
  return parsed;
}

function assignOptions(command: Command, words: string[], args: Record<string, OptionValue>): void {
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

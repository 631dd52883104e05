import type { Answer } from "../src/core/answer.js";
import { BackstoryError } from "../src/core/errors.js";
import type { CommandArgs, Invocation, OptionValue } from "../src/core/invocation.js";
import { usage } from "./help.js";
import { findCommand } from "./index.js";
import type { Command, CommandContext } from "./types.js";

// Longer values are cut: no query needs more, and it bounds the work one request can cause.
const MAX_VALUE_LENGTH = 500;

/**
 * Runs an invocation through the command table: checks the command and its
 * options, then calls `run`. Throws a BackstoryError with a message fit for the
 * user when the command or an option is wrong.
 */
export function dispatch(invocation: Invocation, context: CommandContext): Answer {
  const { command, args } = resolveInvocation(invocation);
  return answerChecked(command, args, context);
}

/** Runs a command on arguments `resolveInvocation` checked; the answer carries them. */
export function answerChecked(command: Command, args: CommandArgs, context: CommandContext): Answer {
  return { ...command.run(args, context), args };
}

/**
 * The command an invocation names and its checked options (what `dispatch` runs):
 * the same question however it was typed, so also what an answer cache keys on.
 * Throws like `dispatch` for an unknown command or a wrong option.
 */
export function resolveInvocation(invocation: Invocation): { command: Command; args: CommandArgs } {
  const command = findCommand(invocation.command);
  if (!command) {
    throw new BackstoryError(
      "unknown_command",
      `There is no /${clip(invocation.command, 32)} command. Try /help for the list.`,
    );
  }
  return { command, args: validateArgs(command, invocation.args) };
}

/** Checks and coerces option values against a command's options; unknown options are dropped. */
export function validateArgs(command: Command, args: CommandArgs): CommandArgs {
  const valid: Record<string, OptionValue> = {};
  for (const option of command.options) {
    const raw = args[option.name];
    const value = coerce(raw, option.type);
    if (value === undefined) {
      const blank = raw === undefined || String(raw).replace(/[\p{Cc}\s]+/gu, "") === "";
      if (!blank) {
        throw new BackstoryError(
          "invalid_option",
          `“${option.name}” must be ${article(option.type)}. Usage: ${usage(command)}`,
        );
      }
      if (option.required) {
        throw new BackstoryError(
          "missing_option",
          `/${command.name} needs a ${option.name}. Usage: ${usage(command)}`,
        );
      }
      continue;
    }
    valid[option.name] = value;
  }
  return valid;
}

function coerce(
  raw: OptionValue | undefined,
  type: Command["options"][number]["type"],
): OptionValue | undefined {
  if (raw === undefined) return undefined;
  // Payloads are JSON: an object or array can arrive where the types promise a primitive, and would read as
  // "[object Object]". Such a value is refused as a wrong type, whatever the transport.
  if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") return undefined;
  if (type === "string") {
    // Trimmed after clipping too, so that clipping twice gives the same value.
    const text = clip(
      String(raw)
        .replace(/\p{Cc}+/gu, " ")
        .trim(),
      MAX_VALUE_LENGTH,
    ).trim();
    return text === "" ? undefined : text;
  }
  if (type === "integer") {
    const n = typeof raw === "number" ? raw : Number(String(raw).trim());
    return Number.isInteger(n) ? n : undefined;
  }
  if (typeof raw === "boolean") return raw;
  const word = String(raw).trim().toLowerCase();
  return ["true", "yes", "1"].includes(word) ? true : ["false", "no", "0"].includes(word) ? false : undefined;
}

function article(type: string): string {
  return type === "integer" ? "a whole number" : type === "boolean" ? "true or false" : "text";
}

function clip(text: string, max: number): string {
  return Array.from(text).slice(0, max).join("");
}

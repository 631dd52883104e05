import type { Answer } from "../src/core/answer.js";
import type { CompletionSource, Engine } from "../src/core/engine.js";
import type { CommandArgs } from "../src/core/invocation.js";

/** The kinds of value an option takes. */
export type OptionType = "string" | "integer" | "boolean";

/** Where autocomplete suggestions for an option come from. */
export type { CompletionSource } from "../src/core/engine.js";

/** One option of a slash command. */
export interface CommandOption {
  /** Lower-case name, as typed on Discord (`speaker`) or in text (`about visa`). */
  readonly name: string;
  /** One line shown by `/help` and the platforms (≤ 100 characters). */
  readonly description: string;
  readonly type: OptionType;
  readonly required?: boolean;
  /** Suggest values from the index as the user types. */
  readonly autocomplete?: CompletionSource;
}

/** What a command's `run` can use. */
export interface CommandContext {
  readonly engine: Engine;
}

/** One entry of the command table. */
export interface Command {
  /** Lower-case name without the slash (≤ 32 characters). */
  readonly name: string;
  /** One line for `/help` and the platforms (≤ 100 characters). */
  readonly description: string;
  /** Example invocations shown by `/help`, e.g. `/quote petro`. */
  readonly examples: readonly string[];
  readonly options: readonly CommandOption[];
  /** Answers the command. Throws a BackstoryError for bad arguments. */
  run(args: CommandArgs, context: CommandContext): Answer;
}

import { findCommand } from "../../../commands/index.js";
import type { Asker } from "../../service/asker.js";
import type { RawOption } from "./invocation.js";
import { DISCORD_LIMITS as LIMITS } from "./limits.js";
import type { AutocompleteChoice } from "./responder.js";

/**
 * Suggestions for the option being typed, from the index source the command
 * table names for it (speakers, entities, topics): at most 25, each name and
 * value at most 100 characters, no duplicates. Options without a source get none.
 */
export function autocompleteChoices(
  asker: Pick<Asker, "complete">,
  commandName: string,
  options: readonly RawOption[],
): AutocompleteChoice[] {
  const focused = options.find((o) => o.focused);
  if (!focused) return [];
  const source = findCommand(commandName)?.options.find((o) => o.name === focused.name)?.autocomplete;
  if (!source) return [];
  const typed = String(focused.value ?? "").slice(0, LIMITS.autocompleteChoiceValue);
  const choices: AutocompleteChoice[] = [];
  const seen = new Set<string>();
  for (const label of asker.complete(source, typed)) {
    // A value is sent back verbatim as the option, so a longer one cannot be shortened; it is skipped.
    if (label.trim() === "" || label.length > LIMITS.autocompleteChoiceValue || seen.has(label)) continue;
    seen.add(label);
    choices.push({ name: label, value: label });
    if (choices.length === LIMITS.autocompleteChoices) break;
  }
  return choices;
}

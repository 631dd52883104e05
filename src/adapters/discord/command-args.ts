import { validateArgs } from "../../../commands/dispatch.js";
import { findCommand } from "../../../commands/index.js";
import type { CommandArgs } from "../../core/invocation.js";

/**
 * The arguments as the command table reads them (known options only, text
 * trimmed and clipped), so what a button carries answers exactly like the
 * original request. Falls back to the arguments as given when they do not
 * validate; asking will then report the problem.
 */
export function canonicalArgs(command: string, args: CommandArgs): CommandArgs {
  const found = findCommand(command);
  if (!found) return args;
  try {
    return validateArgs(found, args);
  } catch {
    return args;
  }
}

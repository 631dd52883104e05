import type { CommandArgs, OptionValue } from "../../core/invocation.js";
import { DISCORD_LIMITS } from "./limits.js";

/**
 * What a button under an answer asks for, carried whole in its custom_id so any
 * process can serve the click without memory of the original request:
 *
 * `bs1:<action>:<page>:<command>:<args>`
 *
 * - action: `g` go to a page (Previous / Next), `p` post the answer to the channel;
 * - page: 0-based;
 * - args: the arguments as a URL query (`speaker=petro&about=visa`), or `~` when
 *   they do not fit in 100 characters: they are then read back from the asked
 *   line that leads the footer of the message the button is attached to
 *   (Discord sends that message with every button click).
 *
 * Whether the answer is private is not carried: Discord sends the message's
 * flags with the click. Answers are deterministic, so asking again gives the
 * same items and pages.
 */
export interface ButtonState {
  action: "page" | "post";
  command: string;
  /** 0-based page to show. */
  page: number;
  /** The arguments, or undefined when they must be read from the message's footer. */
  args?: CommandArgs;
}

const VERSION = "bs1";
const FROM_MESSAGE = "~";
const STATE = /^bs1:([gp]):(\d{1,6}):([a-z0-9_-]{1,32}):(.*)$/su;
const OPTION_NAME = /^[a-z0-9_-]{1,32}$/u;

/** The custom_id for a button; its arguments are left to the message when they would not fit. */
export function encodeButtonState(state: ButtonState): string {
  const head = [
    VERSION,
    state.action === "page" ? "g" : "p",
    String(Math.max(0, Math.trunc(state.page))),
    state.command,
  ].join(":");
  const args = state.args === undefined ? FROM_MESSAGE : encodeArgs(state.args);
  const full = `${head}:${args}`;
  return full.length <= DISCORD_LIMITS.customId ? full : `${head}:${FROM_MESSAGE}`;
}

/** Whether a state's arguments fit in its custom_id. */
export function argsFitInCustomId(state: ButtonState): boolean {
  return !encodeButtonState(state).endsWith(`:${FROM_MESSAGE}`);
}

/** The state a custom_id carries, or undefined when it is not one of ours (or from an older version). */
export function decodeButtonState(customId: string): ButtonState | undefined {
  const match = STATE.exec(customId);
  if (!match) return undefined;
  const [, action, page, command, args] = match;
  if (action === undefined || page === undefined || command === undefined || args === undefined)
    return undefined;
  const state: ButtonState = {
    action: action === "g" ? "page" : "post",
    command,
    page: Number(page),
  };
  if (args === FROM_MESSAGE) return state;
  const decoded = decodeArgs(args);
  if (!decoded) return undefined;
  state.args = decoded;
  return state;
}

function encodeArgs(args: CommandArgs): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(args)) params.append(name, String(value));
  return params.toString();
}

function decodeArgs(text: string): CommandArgs | undefined {
  const args: Record<string, OptionValue> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (!OPTION_NAME.test(name)) return undefined;
    args[name] = value;
  }
  return args;
}

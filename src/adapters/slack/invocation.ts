import { findCommand } from "../../../commands/index.js";
import { parseCommandText, UMBRELLA } from "../../../commands/parse-text.js";
import type { Invocation, Visibility } from "../../core/invocation.js";
import { slackTextToPlain } from "./escape.js";
import type { PagingState } from "./paging.js";

/** What a Slack payload asks: the invocation, and the visibility if the user named one. */
export interface SlackAsk {
  invocation: Invocation;
  visibility?: Visibility;
}

/** The fields of a slash command payload this adapter reads. */
export interface SlashCommandFields {
  /** As typed, with the slash: `/why`, `/backstory`. */
  command: string;
  text: string;
  user_id: string;
}

/**
 * A slash command as an invocation. `/why visa private` asks `why`; `/backstory why
 * visa` asks the same through the umbrella command, as does any command name the
 * table does not know (a workspace may rename commands). Empty umbrella text asks for
 * help. Throws a BackstoryError for an unknown command.
 */
export function slashCommandToAsk(payload: SlashCommandFields): SlackAsk {
  const name = payload.command.replace(/^\//u, "").toLowerCase();
  const text = slackTextToPlain(payload.text).trim();
  const own = name !== UMBRELLA ? findCommand(name) : undefined;
  const parsed = own
    ? parseCommandText(`${own.name} ${text}`)
    : parseCommandText(text === "" ? "help" : text);
  return withUser(parsed, payload.user_id);
}

// Words after the mention that name no command are a search: "@Backstory petro visa".
const MENTION_DEFAULT_COMMAND = "search";

/**
 * The text of an app mention as an invocation: `<@U0BOT> why visa` asks `why visa`;
 * a bare mention asks for help. Throws a BackstoryError for an unknown command.
 */
export function mentionToAsk(text: string, user: string | undefined): SlackAsk {
  const plain = slackTextToPlain(text.replace(/<@[A-Z0-9]+>/gu, " ")).trim();
  const parsed = parseCommandText(plain === "" ? "help" : plain, MENTION_DEFAULT_COMMAND);
  return withUser(parsed, user);
}

/** The invocation a paging or share button asks again. */
export function stateToInvocation(state: PagingState, user: string | undefined): Invocation {
  const invocation: Invocation = { command: state.command, args: state.args, platform: "slack" };
  if (user !== undefined) invocation.user = user;
  return invocation;
}

function withUser(parsed: ReturnType<typeof parseCommandText>, user: string | undefined): SlackAsk {
  const invocation: Invocation = { command: parsed.command, args: parsed.args, platform: "slack" };
  if (user !== undefined && user !== "") invocation.user = user;
  const ask: SlackAsk = { invocation };
  if (parsed.visibility !== undefined) ask.visibility = parsed.visibility;
  return ask;
}

import { textToInvocation, UMBRELLA } from "../../../commands/text-to-invocation.js";
import type { Invocation } from "../../core/invocation.js";
import { slackTextToPlain } from "./escape.js";
import type { PagingState } from "./paging.js";

/** The fields of a slash command payload this adapter reads. */
export interface SlashCommandFields {
  /** As typed, with the slash: `/why`, `/backstory`. */
  command: string;
  text: string;
  user_id: string;
  channel_id?: string;
  team_id?: string;
}

/**
 * A slash command as an invocation. `/why visa private` asks `why`; `/backstory why
 * visa` asks the same through the umbrella command, as does any command name the
 * table does not know (a workspace may rename commands). Empty umbrella text asks for
 * help. Throws a BackstoryError for an unknown command.
 */
export function slashCommandToInvocation(payload: SlashCommandFields): Invocation {
  const text = slackTextToPlain(payload.text).trim();
  const umbrella = payload.command.replace(/^\//u, "").toLowerCase() === UMBRELLA;
  const invocation = textToInvocation(umbrella && text === "" ? "help" : text, {
    platform: "slack",
    user: payload.user_id,
    command: payload.command,
  });
  if (payload.channel_id) {
    invocation.place = {
      channel: payload.channel_id,
      ...(payload.team_id && { workspace: payload.team_id }),
    };
  }
  return invocation;
}

// Words after the mention that name no command are a search: "@Backstory petro visa".
const MENTION_DEFAULT_COMMAND = "search";

/**
 * The text of an app mention as an invocation: `<@U0BOT> why visa` asks `why visa`;
 * a bare mention asks for help. Throws a BackstoryError for an unknown command.
 */
export function mentionToInvocation(text: string, user: string | undefined): Invocation {
  const plain = slackTextToPlain(text.replace(/<@[A-Z0-9]+>/gu, " ")).trim();
  return textToInvocation(plain === "" ? "help" : plain, {
    platform: "slack",
    ...(user === undefined ? {} : { user }),
    defaultCommand: MENTION_DEFAULT_COMMAND,
  });
}

/** The invocation a paging or share button asks again: the same question, not a new one. */
export function stateToInvocation(state: PagingState, user: string | undefined): Invocation {
  const invocation: Invocation = {
    command: state.command,
    args: state.args,
    platform: "slack",
    again: state.answerId === undefined ? {} : { answerId: state.answerId },
  };
  if (user !== undefined) invocation.user = user;
  return invocation;
}

import type { App, RespondArguments, SlashCommand } from "@slack/bolt";
import { within } from "../within.js";
import { type ListenerDeps, MESSAGE_OPTIONS } from "./deps.js";
import { failureMessage } from "./failure.js";
import { slashCommandToInvocation } from "./invocation.js";
import { renderSlackAnswer } from "./render-blocks.js";

/**
 * Answers every slash command (the table's commands, `/backstory`, and any renamed
 * one). An answer (or a friendly error) ready within `deps.slashAnswerBudgetMs` is
 * the ack's body; a later one is acked empty at the budget and delivered through the
 * response_url (with an apology there if that delivery fails).
 */
export function onSlashCommands(app: App, deps: ListenerDeps): void {
  app.command(/^\/.+/u, async ({ ack, command, respond }) => {
    const reply = answerSlashCommand(deps, command);
    const ready = await within(reply, deps.slashAnswerBudgetMs);
    if (ready !== undefined) {
      await ack(ready);
      return;
    }
    await ack();
    try {
      await respond(await reply);
    } catch (error) {
      await respond(failure(deps, command, error));
    }
  });
}

/** The message answering a command, or the failure message: it never rejects on the asker's account. */
async function answerSlashCommand(deps: ListenerDeps, command: SlashCommand): Promise<RespondArguments> {
  try {
    const invocation = slashCommandToInvocation(command);
    const visibility = invocation.visibility ?? deps.defaultVisibility;
    const answer = await deps.asker.ask(invocation);
    const message = renderSlackAnswer(answer, { args: invocation.args, visibility });
    return {
      ...message,
      ...MESSAGE_OPTIONS,
      response_type: visibility === "private" ? "ephemeral" : "in_channel",
    };
  } catch (error) {
    return failure(deps, command, error);
  }
}

function failure(deps: ListenerDeps, command: SlashCommand, error: unknown): RespondArguments {
  const context = { stage: "slash_command", command: command.command, user: command.user_id };
  return { ...failureMessage(error, deps.logger, context), response_type: "ephemeral" };
}

import type { App, RespondFn, SlashCommand } from "@slack/bolt";
import { type ListenerDeps, MESSAGE_OPTIONS } from "./deps.js";
import { failureMessage } from "./failure.js";
import { slashCommandToAsk } from "./invocation.js";
import { renderSlackAnswer } from "./render-blocks.js";

/**
 * Answers every slash command (the table's commands, `/backstory`, and any renamed
 * one). Acks at once with an empty body, then delivers the answer (or a friendly
 * error) through one use of the response_url.
 */
export function onSlashCommands(app: App, deps: ListenerDeps): void {
  app.command(/^\/.+/u, async ({ ack, command, respond }) => {
    await ack();
    await answerSlashCommand(deps, command, respond);
  });
}

async function answerSlashCommand(
  deps: ListenerDeps,
  command: SlashCommand,
  respond: RespondFn,
): Promise<void> {
  try {
    const ask = slashCommandToAsk(command);
    const visibility = ask.visibility ?? deps.defaultVisibility;
    const answer = await deps.asker.ask(ask.invocation);
    const message = renderSlackAnswer(answer, { origin: ask.invocation, visibility });
    await respond({
      ...message,
      ...MESSAGE_OPTIONS,
      response_type: visibility === "private" ? "ephemeral" : "in_channel",
    });
  } catch (error) {
    const context = { stage: "slash_command", command: command.command, user: command.user_id };
    await respond({ ...failureMessage(error, deps.logger, context), response_type: "ephemeral" });
  }
}

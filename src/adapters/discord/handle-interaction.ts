import { findCommand } from "../../../commands/index.js";
import type { Logger } from "../../logger.js";
import type { Asker } from "../../service/asker.js";
import { parseAskedLine } from "./asked-line.js";
import { autocompleteChoices } from "./autocomplete.js";
import { type ButtonState, decodeButtonState } from "./button-state.js";
import { DEFAULT_DEFER_AFTER_MS, deliverInTime } from "./deliver-in-time.js";
import { type FailureContext, failureMessage, privateNotice, staleButtonMessage } from "./errors.js";
import { type IncomingInteraction, invocationFor, toInvocation } from "./invocation.js";
import { renderDiscordAnswer } from "./render-answer.js";
import type { InteractionResponder } from "./responder.js";

/** What answering interactions needs, whichever the transport. */
export interface InteractionHandlerOptions {
  /** Answers invocations; the adapter never touches the engine. */
  asker: Asker;
  logger: Logger;
  /** Whether answers are private when the `private` option is not given. */
  defaultPrivate: boolean;
  /** Defer when the answer is not ready after this long (default 2000 ms). */
  deferAfterMs?: number;
}

/**
 * Answers one interaction: a slash command, an autocomplete request or a click
 * on one of our buttons. Never rejects: a failure to deliver is logged.
 */
export async function handleInteraction(
  incoming: IncomingInteraction,
  responder: InteractionResponder,
  options: InteractionHandlerOptions,
): Promise<void> {
  const context: FailureContext = { stage: incoming.kind };
  try {
    switch (incoming.kind) {
      case "command":
        context.command = incoming.command;
        context.interactionId = incoming.id;
        return await answerCommand(incoming, responder, options);
      case "autocomplete":
        return await responder.suggest(suggestSafely(incoming, options));
      case "button":
        context.interactionId = incoming.id;
        return await answerButton(incoming, responder, options);
      case "unsupported":
        return await responder.reply(privateNotice("Backstory only answers its slash commands and buttons."));
      case "ping":
        return;
    }
  } catch (error) {
    // The response itself failed (Discord refused it, or the network): nothing left to tell the user.
    failureMessage(error, options.logger, { ...context, stage: `deliver ${incoming.kind}` });
  }
}

type Command = Extract<IncomingInteraction, { kind: "command" }>;
type Button = Extract<IncomingInteraction, { kind: "button" }>;
type Autocomplete = Extract<IncomingInteraction, { kind: "autocomplete" }>;

async function answerCommand(incoming: Command, responder: InteractionResponder, options: InteractionHandlerOptions) {
  const { invocation, isPrivate } = toInvocation(incoming, options.defaultPrivate);
  const context: FailureContext = { stage: "command", command: incoming.command, interactionId: incoming.id };
  if (incoming.user !== undefined) context.user = incoming.user;
  const work = Promise.resolve()
    .then(() => options.asker.ask(invocation))
    .then((answer) => renderDiscordAnswer(answer, { args: invocation.args, isPrivate }));
  await deliverInTime(work, responder, {
    mode: "reply",
    isPrivate,
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    onError: (error) => failureMessage(error, options.logger, context),
  });
}

async function answerButton(incoming: Button, responder: InteractionResponder, options: InteractionHandlerOptions) {
  const request = buttonRequest(incoming);
  if (!request) {
    options.logger.info({ customId: incoming.customId, interactionId: incoming.id }, "stale discord button");
    return responder.reply(staleButtonMessage());
  }
  const { state, args } = request;
  const context: FailureContext = { stage: `button ${state.action}`, command: state.command, interactionId: incoming.id };
  if (incoming.user !== undefined) context.user = incoming.user;
  // "Post to channel" makes a new, public message; paging replaces the message clicked.
  const isPrivate = state.action === "page" ? state.isPrivate : false;
  const work = Promise.resolve()
    .then(() => options.asker.ask(invocationFor(state.command, args, incoming)))
    .then((answer) => renderDiscordAnswer(answer, { args, page: state.page, isPrivate }));
  await deliverInTime(work, responder, {
    mode: state.action === "page" ? "update" : "reply",
    isPrivate,
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    onError: (error) => failureMessage(error, options.logger, context),
  });
}

/** The state and arguments a click asks for, or undefined for a stale or foreign button. */
function buttonRequest(incoming: Button): { state: ButtonState; args: NonNullable<ButtonState["args"]> } | undefined {
  const state = decodeButtonState(incoming.customId);
  if (!state || !findCommand(state.command)) return undefined;
  if (state.args) return { state, args: state.args };
  const asked = incoming.footer === undefined ? undefined : parseAskedLine(incoming.footer);
  if (!asked || asked.command !== state.command) return undefined;
  return { state, args: asked.args };
}

function suggestSafely(incoming: Autocomplete, options: InteractionHandlerOptions) {
  try {
    return autocompleteChoices(options.asker, incoming.command, incoming.options);
  } catch (error) {
    options.logger.warn({ err: error, command: incoming.command }, "discord autocomplete failed");
    return [];
  }
}

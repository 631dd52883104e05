import { MessageFlags } from "discord.js";
import { findCommand } from "../../../commands/index.js";
import type { CommandArgs, Invocation } from "../../core/invocation.js";
import type { Logger } from "../../logger.js";
import { type FailureContext, presentFailure } from "../../present/failure.js";
import type { Asker } from "../../service/asker.js";
import type { Insights } from "../../service/insights/insights.js";
import { VOTE_REPLIES } from "../../service/insights/vote-replies.js";
import { ANSWER_BUDGET_MS } from "../deadlines.js";
import { parseAskedLine } from "./asked-line.js";
import { autocompleteChoices } from "./autocomplete.js";
import { type ButtonState, decodeButtonState } from "./button-state.js";
import { deliverInTime } from "./deliver-in-time.js";
import { failureMessage, privateNotice, staleButtonMessage } from "./errors.js";
import { type IncomingInteraction, invocationFor, type Requester, toInvocation } from "./invocation.js";
import { type DiscordMessage, NO_MENTIONS } from "./message.js";
import { renderDiscordAnswer } from "./render-answer.js";
import type { AutocompleteChoice, InteractionResponder } from "./responder.js";
import { decodeVoteButton, type VoteButtonState } from "./vote-button.js";

/** What answering interactions needs, whichever the transport. */
export interface InteractionHandlerOptions {
  /** Answers invocations; the adapter never touches the engine. */
  asker: Asker;
  logger: Logger;
  /** Whether answers are private when the `private` option is not given. */
  defaultPrivate: boolean;
  /** Defer when the answer is not ready after this long (default ANSWER_BUDGET_MS). */
  deferAfterMs?: number;
  /** Records Helpful / Not helpful clicks (insights on); without it those clicks are refused politely. */
  insights?: Insights;
}

type Command = Extract<IncomingInteraction, { kind: "command" }>;
type Button = Extract<IncomingInteraction, { kind: "button" }>;
type Autocomplete = Extract<IncomingInteraction, { kind: "autocomplete" }>;

/**
 * Answers one interaction: a slash command, an autocomplete request or a click
 * on one of our buttons. Never rejects: when the response itself cannot be
 * delivered, that is logged.
 */
export async function handleInteraction(
  incoming: IncomingInteraction,
  responder: InteractionResponder,
  options: InteractionHandlerOptions,
): Promise<void> {
  try {
    switch (incoming.kind) {
      case "command":
        return await answerCommand(incoming, responder, options);
      case "autocomplete":
        return await responder.suggest(suggestSafely(incoming, options));
      case "button":
        return await answerButton(incoming, responder, options);
      case "unsupported":
        return await responder.reply(privateNotice("Backstory only answers its slash commands and buttons."));
      case "ping":
        return;
    }
  } catch (error) {
    // Discord refused the response, or the network failed: nothing is left to tell the user.
    const context: FailureContext = { stage: `deliver ${incoming.kind}` };
    if (incoming.kind !== "ping") context.interactionId = incoming.id;
    presentFailure(error, options.logger, context);
  }
}

async function answerCommand(
  incoming: Command,
  responder: InteractionResponder,
  options: InteractionHandlerOptions,
) {
  const { invocation, isPrivate } = toInvocation(incoming, options.defaultPrivate);
  const context = failureContext("command", incoming.command, incoming);
  await deliverInTime(
    answerMessage(options, invocation.command, invocation.args, incoming, { isPrivate }),
    responder,
    {
      mode: "reply",
      isPrivate,
      deferAfterMs: options.deferAfterMs ?? ANSWER_BUDGET_MS,
      onError: (error) => failureMessage(error, options.logger, context),
    },
  );
}

async function answerButton(
  incoming: Button,
  responder: InteractionResponder,
  options: InteractionHandlerOptions,
) {
  const vote = decodeVoteButton(incoming.customId);
  if (vote) return responder.reply(await voteMessage(vote, incoming, options));
  const request = buttonRequest(incoming);
  if (!request) {
    options.logger.info({ customId: incoming.customId, interactionId: incoming.id }, "stale discord button");
    return responder.reply(staleButtonMessage());
  }
  const { state, args } = request;
  const context = failureContext(`button ${state.action}`, state.command, incoming);
  // "Post to channel" makes a new, public message; paging replaces the message clicked, as private as it was.
  const isPrivate = state.action === "page" ? incoming.ephemeral : false;
  const again = incoming.answerId === undefined ? {} : { answerId: incoming.answerId };
  const work = answerMessage(options, state.command, args, incoming, { isPrivate, page: state.page, again });
  await deliverInTime(work, responder, {
    mode: state.action === "page" ? "update" : "reply",
    isPrivate,
    deferAfterMs: options.deferAfterMs ?? ANSWER_BUDGET_MS,
    onError: (error) => failureMessage(error, options.logger, context),
  });
}

/** Asks and renders; a synchronous throw from the Asker becomes a rejection like any other failure. */
function answerMessage(
  options: InteractionHandlerOptions,
  command: string,
  args: CommandArgs,
  who: Requester,
  view: { isPrivate: boolean; page?: number; again?: Invocation["again"] },
): Promise<DiscordMessage> {
  const invocation = invocationFor(command, args, who);
  if (view.again) invocation.again = view.again;
  return Promise.resolve()
    .then(() => options.asker.ask(invocation))
    .then((answer) =>
      renderDiscordAnswer(answer, {
        args,
        visibility: view.isPrivate ? "private" : "public",
        ...(view.page === undefined ? {} : { page: view.page }),
      }),
    );
}

/**
 * Records a vote and says so privately, never showing who voted. A button that is not one of a
 * stored answer (forged, altered, purged) changes nothing.
 */
async function voteMessage(
  vote: VoteButtonState,
  incoming: Button,
  options: InteractionHandlerOptions,
): Promise<DiscordMessage> {
  if (!options.insights || incoming.user === undefined) return privateText(VOTE_REPLIES.invalid);
  const reply = await options.insights.vote(
    vote.answerId,
    { platform: "discord", user: incoming.user },
    vote.helpful,
  );
  if (reply !== "noted")
    options.logger.info({ interactionId: incoming.id, reply }, "discord vote not recorded");
  return privateText(VOTE_REPLIES[reply]);
}

function privateText(content: string): DiscordMessage {
  return {
    content,
    embeds: [],
    components: [],
    allowed_mentions: NO_MENTIONS,
    flags: MessageFlags.Ephemeral,
  };
}

/** The state and arguments a click asks for, or undefined for a stale or foreign button. */
function buttonRequest(incoming: Button): { state: ButtonState; args: CommandArgs } | undefined {
  const state = decodeButtonState(incoming.customId);
  if (!state || !findCommand(state.command)) return undefined;
  if (state.args) return { state, args: state.args };
  const asked = incoming.footer === undefined ? undefined : parseAskedLine(incoming.footer);
  if (!asked || asked.command !== state.command) return undefined;
  return { state, args: asked.args };
}

function suggestSafely(incoming: Autocomplete, options: InteractionHandlerOptions): AutocompleteChoice[] {
  try {
    return autocompleteChoices(options.asker, incoming.command, incoming.options);
  } catch (error) {
    options.logger.warn({ err: error, command: incoming.command }, "discord autocomplete failed");
    return [];
  }
}

function failureContext(
  stage: string,
  command: string,
  incoming: { id: string } & Requester,
): FailureContext {
  const context: FailureContext = { stage, command, interactionId: incoming.id };
  if (incoming.user !== undefined) context.user = incoming.user;
  return context;
}

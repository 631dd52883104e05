import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { type ListenerDeps, MESSAGE_OPTIONS } from "./deps.js";
import { failureMessage } from "./failure.js";
import { stateToInvocation } from "./invocation.js";
import { ACTION_ID_PATTERN, ACTION_IDS, decodePagingState, type PagingState } from "./paging.js";
import { renderSlackAnswer } from "./render-blocks.js";

/**
 * Answers the buttons under an answer. Previous / Next ask again and replace the
 * message with the wanted page; Share in channel posts the page publicly (in the
 * thread when the answer was in one) and removes the private copy.
 */
export function onButtons(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_ID_PATTERN, async ({ ack, action, body, respond }) => {
    await ack();
    const state = decodePagingState(action.value);
    const user = body.user.id;
    if (state === undefined) {
      deps.logger.warn({ user, actionId: action.action_id }, "slack: button value refused");
      await respond({
        text: "This button no longer works. Ask the question again.",
        replace_original: false,
      });
      return;
    }
    try {
      if (action.action_id === ACTION_IDS.share) await share(deps, state, user, threadOf(body), respond);
      else await turnPage(deps, state, user, respond);
    } catch (error) {
      const context = { stage: "button", command: state.command, user };
      await respond({ ...failureMessage(error, deps.logger, context), replace_original: false });
    }
  });
}

async function turnPage(deps: ListenerDeps, state: PagingState, user: string, respond: RespondFn) {
  const answer = await deps.asker.ask(stateToInvocation(state, user));
  const options = { args: state.args, page: state.page, visibility: state.visibility };
  const message = renderSlackAnswer(
    answer,
    state.sharedBy === undefined ? options : { ...options, sharedBy: state.sharedBy },
  );
  await respond({ ...message, ...MESSAGE_OPTIONS, replace_original: true });
}

async function share(
  deps: ListenerDeps,
  state: PagingState,
  user: string,
  threadTs: string | undefined,
  respond: RespondFn,
) {
  const answer = await deps.asker.ask(stateToInvocation(state, user));
  const message = renderSlackAnswer(answer, {
    args: state.args,
    page: state.page,
    visibility: "public",
    sharedBy: user,
  });
  const thread = threadTs === undefined ? {} : { thread_ts: threadTs };
  await respond({
    ...message,
    ...MESSAGE_OPTIONS,
    ...thread,
    response_type: "in_channel",
    replace_original: false,
  });
  await respond({ delete_original: true });
}

function threadOf(body: BlockAction): string | undefined {
  const threadTs: unknown = body.container.thread_ts;
  return typeof threadTs === "string" && threadTs !== "" ? threadTs : undefined;
}

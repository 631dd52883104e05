import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { VOTE_REPLIES } from "../../service/insights/vote-replies.js";
import type { ListenerDeps } from "./deps.js";
import { ACTION_IDS, VOTE_ACTION_ID_PATTERN } from "./paging.js";

/**
 * Helpful / Not helpful under an answer: acks at once, records the vote (one per user per
 * answer, a second click changes it), and thanks the reader privately through the
 * response_url without touching the answer, so no one sees who voted.
 */
export function onVotes(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(VOTE_ACTION_ID_PATTERN, async ({ ack, action, body, respond }) => {
    await ack();
    const helpful = action.action_id === ACTION_IDS.helpful;
    const reply = deps.insights
      ? await deps.insights.vote(action.value ?? "", { platform: "slack", user: body.user.id }, helpful)
      : "invalid";
    if (reply !== "noted") deps.logger.info({ reply }, "slack vote not recorded");
    await respond({
      text: VOTE_REPLIES[reply],
      response_type: "ephemeral",
      replace_original: false,
    });
  });
}

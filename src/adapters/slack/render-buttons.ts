import type { types } from "@slack/bolt";
import type { AnswerView, ButtonIntent } from "../../present/answer-view.js";
import { ACTION_IDS, encodePagingState, type PagingState, SLACK_USER_ID } from "./paging.js";
import { plainText } from "./text-objects.js";

/** The buttons under a page, and whether every one that belongs there fit. */
export interface AnswerButtons {
  elements: types.Button[];
  /** False when the question was too long to carry in a button value. */
  complete: boolean;
}

const LABELS = {
  previous: "‹ Previous",
  next: "Next ›",
  share: "Share in channel",
  helpful: "👍 Helpful",
  notHelpful: "👎 Not helpful",
} as const;

/**
 * The view's buttons, each carrying its request in its value. Block Kit buttons
 * cannot be disabled, so disabled ones are left out; when one value would not
 * fit, none is shown.
 */
export function answerButtons(view: AnswerView): AnswerButtons {
  const { command, args } = view;
  if (args === undefined) return { elements: [], complete: true };
  const elements: types.Button[] = [];
  const answerId = view.buttons.find((intent) => intent.kind === "vote")?.answerId;
  for (const intent of view.buttons) {
    if (intent.kind === "vote") {
      elements.push({
        type: "button",
        action_id: intent.helpful ? ACTION_IDS.helpful : ACTION_IDS.notHelpful,
        text: plainText(intent.helpful ? LABELS.helpful : LABELS.notHelpful),
        value: intent.answerId,
      });
      continue;
    }
    if (intent.kind === "page" && !intent.enabled) continue;
    const state: PagingState = { command, args, page: intent.page, visibility: view.visibility };
    if (view.sharedBy !== undefined && SLACK_USER_ID.test(view.sharedBy)) state.sharedBy = view.sharedBy;
    if (answerId !== undefined) state.answerId = answerId;
    const value = encodePagingState(state);
    if (value === undefined) return { elements: [], complete: false };
    const button: types.Button = {
      type: "button",
      action_id: actionId(intent),
      text: plainText(intent.kind === "share" ? LABELS.share : LABELS[intent.direction]),
      value,
    };
    if (intent.kind === "share") button.style = "primary";
    elements.push(button);
  }
  return { elements, complete: true };
}

function actionId(intent: Exclude<ButtonIntent, { kind: "vote" }>): string {
  if (intent.kind === "share") return ACTION_IDS.share;
  return intent.direction === "previous" ? ACTION_IDS.previous : ACTION_IDS.next;
}

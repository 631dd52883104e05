import type { types } from "@slack/bolt";
import type { Page } from "../../core/layout.js";
import { ACTION_IDS, encodePagingState, type PagingState, SLACK_USER_ID, type Visibility } from "./paging.js";
import type { SlackRenderOptions } from "./render-blocks.js";
import { plainText } from "./text-objects.js";

/** The buttons under a page, and whether every one that belongs there fit. */
export interface AnswerButtons {
  elements: types.Button[];
  /** False when the question was too long to carry in a button value. */
  complete: boolean;
}

/** Previous / Next when there are more pages, and Share in channel on private answers. */
export function answerButtons(page: Page<unknown>, options: SlackRenderOptions): AnswerButtons {
  const origin = options.origin;
  if (origin === undefined) return { elements: [], complete: true };
  const visibility: Visibility = options.visibility ?? "private";
  const wanted: { id: string; label: string; page: number; visibility: Visibility; primary?: boolean }[] = [];
  if (page.page > 0)
    wanted.push({ id: ACTION_IDS.previous, label: "‹ Previous", page: page.page - 1, visibility });
  if (page.page < page.pages - 1) {
    wanted.push({ id: ACTION_IDS.next, label: "Next ›", page: page.page + 1, visibility });
  }
  if (visibility === "private") {
    wanted.push({
      id: ACTION_IDS.share,
      label: "Share in channel",
      page: page.page,
      visibility,
      primary: true,
    });
  }
  const elements: types.Button[] = [];
  for (const want of wanted) {
    const state: PagingState = { ...origin, page: want.page, visibility: want.visibility };
    if (options.sharedBy !== undefined && SLACK_USER_ID.test(options.sharedBy))
      state.sharedBy = options.sharedBy;
    const value = encodePagingState(state);
    if (value === undefined) return { elements: [], complete: false };
    const button: types.Button = { type: "button", action_id: want.id, text: plainText(want.label), value };
    if (want.primary) button.style = "primary";
    elements.push(button);
  }
  return { elements, complete: true };
}

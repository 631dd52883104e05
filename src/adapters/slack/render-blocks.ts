import type { types } from "@slack/bolt";
import { type AnswerView, presentedWith, viewAsPlainText } from "../../present/answer-view.js";
import { oneLine } from "../../present/item-view.js";
import { escapeWithin } from "./escape.js";
import { MAX_FALLBACK_TEXT, MAX_HEADER_TEXT, MAX_NOTICE } from "./limits.js";
import { SLACK_USER_ID } from "./paging.js";
import { answerButtons } from "./render-buttons.js";
import { itemBlocks } from "./render-item.js";
import { mrkdwn, plainText } from "./text-objects.js";

/** A Slack message: Block Kit blocks and the plain-text fallback used by notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Presents and renders one page of an answer (see renderSlackView). */
export const renderSlackAnswer = presentedWith(renderSlackView);

/**
 * One page of an answer as a Slack message within every Block Kit limit, whatever
 * its size or text: a header echoing the question, who shared it, the notice, the
 * items (each an excerpt section and a citation context), the page number and the
 * buttons. All corpus and user text is escaped.
 */
export function renderSlackView(view: AnswerView): SlackMessage {
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plainText(escapeWithin(oneLine(view.title), MAX_HEADER_TEXT) || "Backstory") },
  ];
  if (view.sharedBy !== undefined && SLACK_USER_ID.test(view.sharedBy)) {
    blocks.push({ type: "context", elements: [mrkdwn(`Shared by <@${view.sharedBy}>`)] });
  }
  if (view.notice !== undefined) {
    blocks.push({ type: "section", text: mrkdwn(escapeWithin(view.notice, MAX_NOTICE)) });
  }
  for (const item of view.items) blocks.push(...itemBlocks(item));
  const buttons = answerButtons(view);
  const footer = footerText(view, buttons.complete);
  if (footer !== undefined) blocks.push({ type: "context", elements: [mrkdwn(footer)] });
  if (buttons.elements.length > 0) blocks.push({ type: "actions", elements: buttons.elements });
  const text = escapeWithin(viewAsPlainText(view).trim(), MAX_FALLBACK_TEXT);
  return { text: text === "" ? "Backstory" : text, blocks };
}

function footerText(view: AnswerView, canPage: boolean): string | undefined {
  if (view.pages <= 1) return undefined;
  const where = `Page ${view.page + 1} of ${view.pages} · ${view.total} excerpts`;
  return canPage ? where : `${where} · ask a narrower question to page through them`;
}

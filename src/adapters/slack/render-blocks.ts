import type { types } from "@slack/bolt";
import type { Answer } from "../../core/answer.js";
import type { CommandArgs } from "../../core/invocation.js";
import { answerAsPlainText, pageOf } from "../../core/layout.js";
import { escapeWithin } from "./escape.js";
import { MAX_FALLBACK_TEXT, MAX_HEADER_TEXT, MAX_NOTICE, PAGE_SIZE } from "./limits.js";
import { SLACK_USER_ID, type Visibility } from "./paging.js";
import { answerButtons } from "./render-buttons.js";
import { itemBlocks } from "./render-item.js";
import { mrkdwn, oneLine, plainText } from "./text-objects.js";

/** A Slack message: Block Kit blocks and the plain-text fallback used by notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** How to render an answer. */
export interface SlackRenderOptions {
  /** 0-based page of items to show (clamped). Default 0. */
  page?: number;
  /** The command and arguments as asked; without them no buttons are added. */
  origin?: { command: string; args: CommandArgs };
  /** Private answers get a "Share in channel" button. Default private. */
  visibility?: Visibility;
  /** Slack user id of whoever shared the answer in the channel. */
  sharedBy?: string;
}

/**
 * Renders an answer as a Slack message within every Block Kit limit, whatever its
 * size or text: a header echoing the question, the notice, one page of items (each an
 * excerpt section and a citation context), the page number and the buttons. All
 * corpus and user text is escaped.
 */
export function renderSlackAnswer(answer: Answer, options: SlackRenderOptions = {}): SlackMessage {
  const page = pageOf(answer.items, options.page ?? 0, PAGE_SIZE);
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plainText(escapeWithin(oneLine(answer.title), MAX_HEADER_TEXT) || "Backstory") },
  ];
  if (options.sharedBy !== undefined && SLACK_USER_ID.test(options.sharedBy)) {
    blocks.push({ type: "context", elements: [mrkdwn(`Shared by <@${options.sharedBy}>`)] });
  }
  if (answer.notice !== undefined && answer.notice.trim() !== "") {
    blocks.push({ type: "section", text: mrkdwn(escapeWithin(answer.notice.trim(), MAX_NOTICE)) });
  } else if (answer.items.length === 0) {
    blocks.push({ type: "section", text: mrkdwn("No excerpts found.") });
  }
  for (const item of page.items) blocks.push(...itemBlocks(answer, item));
  const buttons = answerButtons(page, options);
  const footer = footerText(answer.items.length, page.page, page.pages, buttons.complete);
  if (footer !== undefined) blocks.push({ type: "context", elements: [mrkdwn(footer)] });
  if (buttons.elements.length > 0) blocks.push({ type: "actions", elements: buttons.elements });
  const text = escapeWithin(answerAsPlainText({ ...answer, items: page.items }).trim(), MAX_FALLBACK_TEXT);
  return { text: text === "" ? "Backstory" : text, blocks };
}

function footerText(total: number, page: number, pages: number, canPage: boolean): string | undefined {
  if (pages <= 1) return undefined;
  const where = `Page ${page + 1} of ${pages} · ${total} excerpts`;
  return canPage ? where : `${where} · ask a narrower question to page through them`;
}

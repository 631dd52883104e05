import { MessageFlags } from "discord.js";
import type { Answer } from "../../core/answer.js";
import type { CommandArgs } from "../../core/invocation.js";
import { pageOf, truncate } from "../../core/layout.js";
import { formatAskedLine } from "./asked-line.js";
import { canonicalArgs } from "./command-args.js";
import { DISCORD_LIMITS as LIMITS } from "./limits.js";
import { fitMarkdown } from "./markdown.js";
import { type DiscordMessage, NO_MENTIONS } from "./message.js";
import { answerButtons, ITEMS_PER_PAGE } from "./paging.js";
import { itemFieldName, itemFieldValue } from "./render-item.js";

/** How to show an answer: the request it answers, which page, to whom. */
export interface RenderRequest {
  /** The arguments the answer was asked with (without `private`); buttons ask again with them. */
  args: CommandArgs;
  /** 0-based page (clamped into range); default 0. */
  page?: number;
  /** A private (ephemeral) answer, with a "Post to channel" button; default false. */
  isPrivate?: boolean;
}

/** Backstory's embed colour. */
export const EMBED_COLOR = 0x3b6ea5;

// Room kept for the notice above items: it explains, the items are the answer.
const NOTICE_WITH_ITEMS = 1000;
// An asked line longer than this is shown cut and not read back (values are clipped to
// 500 characters by the command table, so only pathological queries get here).
const MAX_ASKED_LINE = 1800;

/**
 * Renders one page of an answer as a Discord message: one embed whose title
 * echoes the question, the notice as description, each item as a field
 * (excerpt + citation), a footer with the request, the number of sources and
 * the page; then Previous / Next and "Post to channel" buttons as needed.
 * Whatever the answer, the message is within every Discord limit and pings no one.
 */
export function renderDiscordAnswer(answer: Answer, request: RenderRequest): DiscordMessage {
  const args = canonicalArgs(answer.command, request.args);
  const isPrivate = request.isPrivate ?? false;
  const { items, page, pages } = pageOf(answer.items, request.page ?? 0, ITEMS_PER_PAGE);
  const askedLine = formatAskedLine(answer.command, args);
  const askedLineInFooter = askedLine.length <= MAX_ASKED_LINE;
  const footer = footerText(answer, askedLineInFooter ? askedLine : truncate(askedLine, MAX_ASKED_LINE), {
    page,
    pages,
  });
  const title = answer.title.trim() === "" ? "" : fitMarkdown(answer.title, LIMITS.embedTitle);
  const noticeRoom =
    items.length > 0
      ? NOTICE_WITH_ITEMS
      : Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length - footer.length);
  const description = answer.notice?.trim() ? fitMarkdown(answer.notice, noticeRoom) : "";

  const names = items.map((item, i) => itemFieldName(answer, item, page * ITEMS_PER_PAGE + i + 1));
  let room = LIMITS.embedTotal - title.length - description.length - footer.length - sum(names);
  const fields = items.map((item, i) => {
    // Room left over by short items goes to the ones after them.
    const budget = Math.min(LIMITS.embedFieldValue, Math.floor(room / (items.length - i)));
    const value = itemFieldValue(item, budget);
    room -= value.length;
    return { name: names[i] ?? `${i + 1}.`, value };
  });

  const embed: DiscordMessage["embeds"][number] = { color: EMBED_COLOR, footer: { text: footer } };
  if (title) embed.title = title;
  if (description) embed.description = description;
  if (fields.length > 0) embed.fields = fields;
  const message: DiscordMessage = {
    embeds: [embed],
    components: answerButtons({ command: answer.command, args, page, pages, isPrivate, askedLineInFooter }),
    allowed_mentions: NO_MENTIONS,
  };
  if (isPrivate) message.flags = MessageFlags.Ephemeral;
  return message;
}

/** `/quote speaker:"petro" · 3 sources · page 1/2`. */
function footerText(answer: Answer, askedLine: string, position: { page: number; pages: number }): string {
  const parts = [askedLine];
  if (answer.items.length > 0) {
    const sources = countSources(answer);
    parts.push(`${sources} source${sources === 1 ? "" : "s"}`, `page ${position.page + 1}/${position.pages}`);
  }
  return truncate(parts.join(" · "), LIMITS.embedFooter);
}

/** Distinct documents cited anywhere in the answer. */
export function countSources(answer: Answer): number {
  const documents = new Set<string>();
  for (const item of answer.items) {
    documents.add(item.citation.docId);
    for (const citation of item.alsoIn ?? []) documents.add(citation.docId);
  }
  return documents.size;
}

function sum(texts: readonly string[]): number {
  return texts.reduce((total, text) => total + text.length, 0);
}

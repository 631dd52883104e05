import { MessageFlags } from "discord.js";
import { truncate } from "../../core/layout.js";
import { type AnswerView, presentedWith } from "../../present/answer-view.js";
import { formatAskedLine } from "./asked-line.js";
import { DISCORD_LIMITS as LIMITS } from "./limits.js";
import { fitMarkdown } from "./markdown.js";
import { type DiscordMessage, NO_MENTIONS } from "./message.js";
import { answerButtons } from "./paging.js";
import { itemFieldName, itemFieldValue } from "./render-item.js";

/** Backstory's embed colour. */
export const EMBED_COLOR = 0x3b6ea5;

// Room kept for the notice above items: it explains, the items are the answer.
const NOTICE_WITH_ITEMS = 1000;
// An asked line longer than this is shown cut and not read back (values are clipped to
// 500 characters by the command table, so only pathological queries get here).
const MAX_ASKED_LINE = 1800;

/** Presents and renders one page of an answer (see renderDiscordView). */
export const renderDiscordAnswer = presentedWith(renderDiscordView);

/**
 * One page of an answer as a Discord message: one embed whose title echoes the
 * question, the notice as description, each item as a field (excerpt +
 * citation), a footer with the request, the number of sources and the page;
 * then the view's buttons. Whatever the answer, the message is within every
 * Discord limit and pings no one.
 */
export function renderDiscordView(view: AnswerView): DiscordMessage {
  const { items } = view;
  const askedLine = formatAskedLine(view.command, view.args ?? {});
  const askedLineInFooter = askedLine.length <= MAX_ASKED_LINE;
  const footer = footerText(view, askedLineInFooter ? askedLine : truncate(askedLine, MAX_ASKED_LINE));
  const title = view.title.trim() === "" ? "" : fitMarkdown(view.title, LIMITS.embedTitle);
  const noticeRoom =
    items.length > 0
      ? NOTICE_WITH_ITEMS
      : Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length - footer.length);
  const description = view.notice ? fitMarkdown(view.notice, noticeRoom) : "";

  const names = items.map(itemFieldName);
  let room = LIMITS.embedTotal - title.length - description.length - footer.length - sum(names);
  const fields = items.map((item, i) => {
    // Room left over by short items goes to the ones after them.
    const budget = Math.min(LIMITS.embedFieldValue, Math.floor(room / (items.length - i)));
    const value = itemFieldValue(item, budget);
    room -= value.length;
    return { name: names[i] ?? `${item.number}.`, value };
  });

  const embed: DiscordMessage["embeds"][number] = { color: EMBED_COLOR, footer: { text: footer } };
  if (title) embed.title = title;
  if (description) embed.description = description;
  if (fields.length > 0) embed.fields = fields;
  const message: DiscordMessage = {
    embeds: [embed],
    components: answerButtons(view, askedLineInFooter),
    allowed_mentions: NO_MENTIONS,
  };
  if (view.visibility === "private") message.flags = MessageFlags.Ephemeral;
  return message;
}

/** `/quote speaker:"petro" · 3 sources · page 1/2`. */
function footerText(view: AnswerView, askedLine: string): string {
  const parts = [askedLine];
  if (view.total > 0) {
    parts.push(
      `${view.sources} source${view.sources === 1 ? "" : "s"}`,
      `page ${view.page + 1}/${view.pages}`,
    );
  }
  return truncate(parts.join(" · "), LIMITS.embedFooter);
}

function sum(texts: readonly string[]): number {
  return texts.reduce((total, text) => total + text.length, 0);
}

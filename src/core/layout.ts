import { coarseDateLabel } from "./analyzers/dates/date-label.js";
import type { Answer, Citation, Item } from "./answer.js";

/**
 * Layout helpers shared by every renderer (Discord, Slack, text, web), so that
 * renderers differ only in syntax and limits, not in what they show.
 */

/**
 * What an item leads with: its date on a timeline (a coarse one as "sometime in 2025",
 * one inferred from context marked so), its speaker for quotes, and for a cause shown
 * after its effect (`/why`) which passage it explains.
 */
export function itemLead(answer: Pick<Answer, "command">, item: Item): string | undefined {
  if (answer.command === "timeline")
    return item.date === undefined ? undefined : timelineDate(item, item.date);
  if (item.explains !== undefined) return explainsLead(item, item.explains);
  if (answer.command === "quote" || (answer.command === "who" && item.quote !== undefined))
    return item.speaker;
  return undefined;
}

function timelineDate(item: Item, date: string): string {
  const said = coarseDateLabel(date) ?? date;
  return item.dateInferred === true ? `${said} (inferred)` : said;
}

// The effect is the item above; its paragraph (and title, when another article's) says which.
function explainsLead(item: Item, explained: Citation): string {
  const where = explained.docId === item.citation.docId ? "" : `${explained.title} `;
  return `↳ explains ${where}¶${explained.paragraph}`;
}

/** A compact citation: `Title · ¶3 · 2025-01-27`. */
export function citationLine(citation: Citation): string {
  const parts = [citation.title, `¶${citation.paragraph}`];
  if (citation.published) parts.push(citation.published);
  if (citation.source) parts.push(citation.source);
  return parts.join(" · ");
}

const ELLIPSIS = "…";

/**
 * Cuts text to at most `max` UTF-16 units (what the platforms count, or more),
 * at a word boundary when one is near, ending with an ellipsis. Never splits a
 * surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return ELLIPSIS;
  let cut = max - 1;
  if (isLowSurrogate(text.charCodeAt(cut))) cut--;
  const slice = text.slice(0, cut);
  const space = slice.search(/\s\S*$/u);
  const atWord = space > cut * 0.6 ? slice.slice(0, space) : slice;
  return `${atWord.trimEnd()}${ELLIPSIS}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** One page of items: 0-based `page`, clamped into range. */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
}

/** Returns page `page` (0-based, clamped) of `items` split into pages of `size`. */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
  return { items: items.slice(clamped * size, clamped * size + size), page: clamped, pages };
}

/** The answer as plain text, for notifications and terminals. */
export function answerAsPlainText(answer: Answer, maxItems = Number.POSITIVE_INFINITY): string {
  const lines = [answer.title];
  if (answer.notice) lines.push(answer.notice);
  answer.items.slice(0, maxItems).forEach((item, i) => {
    const lead = itemLead(answer, item);
    lines.push(`${i + 1}. ${lead ? `${lead}: ` : ""}${item.text} (${citationLine(item.citation)})`);
  });
  return lines.join("\n");
}

import type { types } from "@slack/bolt";
import type { Mark } from "../../core/answer.js";
import { type CitationView, citationDetails, type ItemView } from "../../present/item-view.js";
import { escapeSlackText, escapeWithin, truncateForEscaping } from "./escape.js";
import {
  MAX_CITATION_DETAILS,
  MAX_CITATION_TITLE,
  MAX_DATE_TEXT,
  MAX_EXCERPT,
  MAX_EXTRA_CITATIONS,
  MAX_LEAD,
  MAX_LINK,
  MAX_MARKS,
} from "./limits.js";
import { mrkdwn } from "./text-objects.js";

/** An item as two blocks: its excerpt (after its lead) and its citations. */
export function itemBlocks(item: ItemView): types.KnownBlock[] {
  return [
    { type: "section", text: mrkdwn(`${leadText(item)}${excerptText(item)}`) },
    { type: "context", elements: citationElements(item).map(mrkdwn) },
  ];
}

function leadText(item: ItemView): string {
  if (!item.lead) return "";
  const shown = escapeWithin(item.lead.text, MAX_LEAD);
  const bold = shown.includes("*") ? shown : `*${shown}*`;
  const written = item.lead.dateText ? ` (${escapeWithin(item.lead.dateText, MAX_DATE_TEXT)})` : "";
  return `${bold}${written} — `;
}

/** The verbatim excerpt, escaped, with the matched words (search marks) in bold. */
function excerptText(item: ItemView): string {
  const shown = truncateForEscaping(item.text, MAX_EXCERPT);
  const prefixLength = shown === item.text ? shown.length : shown.length - 1;
  let out = "";
  let at = 0;
  const marks = item.marks.filter((m) => m.end <= prefixLength).slice(0, MAX_MARKS);
  for (const mark of marks) {
    const word = shown.slice(mark.start, mark.end);
    if (!canBold(shown, mark, word)) continue;
    out += `${escapeSlackText(shown.slice(at, mark.start))}*${escapeSlackText(word)}*`;
    at = mark.end;
  }
  out += escapeSlackText(shown.slice(at));
  return out.trim() === "" ? "…" : out;
}

// Slack makes `*word*` bold only when the asterisks sit against spaces or punctuation;
// anything else would show stray asterisks inside the verbatim text.
function canBold(text: string, mark: Mark, word: string): boolean {
  if (word.trim() !== word || /[*_~`\n]/u.test(word)) return false;
  const before = text.slice(Math.max(0, mark.start - 1), mark.start);
  const after = text.slice(mark.end, mark.end + 1);
  return isBoundary(before) && isBoundary(after);
}

function isBoundary(char: string): boolean {
  return char === "" || /^[^\p{L}\p{N}\p{M}*_~`]$/u.test(char);
}

function citationElements(item: ItemView): string[] {
  const lines = [citationText(item.citation)];
  for (const citation of item.alsoIn.slice(0, MAX_EXTRA_CITATIONS))
    lines.push(`Also in ${citationText(citation)}`);
  if (item.alsoIn.length > MAX_EXTRA_CITATIONS)
    lines.push(`+${item.alsoIn.length - MAX_EXTRA_CITATIONS} more`);
  return lines;
}

/** A citation as mrkdwn: the title (linked when it has a link that fits), ¶, date, source. */
export function citationText(citation: CitationView): string {
  const details = escapeWithin(["", ...citationDetails(citation)].join(" · ").trim(), MAX_CITATION_DETAILS);
  const title = escapeWithin(citation.title, MAX_CITATION_TITLE);
  const link = linkTarget(citation.url);
  return `${link === undefined ? title : `<${link}|${title}>`} ${details}`;
}

/** A safe link as the target of `<url|label>`, or undefined when too long for one. */
function linkTarget(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const href = escapeSlackText(url.replace(/\|/gu, "%7C"));
  return href.length <= MAX_LINK ? href : undefined;
}

import type { types } from "@slack/bolt";
import type { Answer, Citation, Item, Mark } from "../../core/answer.js";
import { citationLine, itemLead } from "../../core/layout.js";
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
import { mrkdwn, oneLine } from "./text-objects.js";

/** An item as two blocks: its excerpt (led by date or speaker) and its citations. */
export function itemBlocks(answer: Answer, item: Item): types.KnownBlock[] {
  return [
    { type: "section", text: mrkdwn(`${leadText(answer, item)}${excerptText(item)}`) },
    { type: "context", elements: citationElements(item).map(mrkdwn) },
  ];
}

function leadText(answer: Answer, item: Item): string {
  const lead = oneLine(itemLead(answer, item) ?? "");
  if (lead === "") return "";
  const shown = escapeWithin(lead, MAX_LEAD);
  const bold = shown.includes("*") ? shown : `*${shown}*`;
  const dateText = answer.command === "timeline" ? oneLine(item.dateText ?? "") : "";
  const written = dateText === "" ? "" : ` (${escapeWithin(dateText, MAX_DATE_TEXT)})`;
  return `${bold}${written} — `;
}

/** The verbatim excerpt, escaped, with the matched words (search marks) in bold. */
function excerptText(item: Item): string {
  const shown = truncateForEscaping(item.text, MAX_EXCERPT);
  const prefixLength = shown === item.text ? shown.length : shown.length - 1;
  let out = "";
  let at = 0;
  for (const mark of usableMarks(item.marks, prefixLength)) {
    const word = shown.slice(mark.start, mark.end);
    if (!canBold(shown, mark, word)) continue;
    out += `${escapeSlackText(shown.slice(at, mark.start))}*${escapeSlackText(word)}*`;
    at = mark.end;
  }
  out += escapeSlackText(shown.slice(at));
  return out.trim() === "" ? "…" : out;
}

function usableMarks(marks: readonly Mark[] | undefined, limit: number): Mark[] {
  const sorted = [...(marks ?? [])]
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0)
    .filter((m) => m.start < m.end && m.end <= limit)
    .sort((a, b) => a.start - b.start);
  const kept: Mark[] = [];
  for (const mark of sorted) {
    if (kept.length === MAX_MARKS) break;
    const last = kept.at(-1);
    if (last === undefined || mark.start >= last.end) kept.push(mark);
  }
  return kept;
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

function citationElements(item: Item): string[] {
  const extra = (item.alsoIn ?? []).filter((c) => !sameSource(c, item.citation));
  const lines = [citationText(item.citation)];
  for (const citation of extra.slice(0, MAX_EXTRA_CITATIONS)) lines.push(`Also in ${citationText(citation)}`);
  if (extra.length > MAX_EXTRA_CITATIONS) lines.push(`+${extra.length - MAX_EXTRA_CITATIONS} more`);
  return lines;
}

/** A citation as mrkdwn: the title (linked when the article has a safe link), ¶, date, source. */
export function citationText(citation: Citation): string {
  // citationLine with an empty title gives "· ¶3 · 2025-01-27 · Source": the layout
  // stays the core's, only the title is rendered the Slack way.
  const details = escapeWithin(oneLine(citationLine({ ...citation, title: "" })), MAX_CITATION_DETAILS);
  const title = escapeWithin(oneLine(citation.title), MAX_CITATION_TITLE) || "Untitled";
  const link = safeLink(citation.url);
  return `${link === undefined ? title : `<${link}|${title}>`} ${details}`;
}

function sameSource(a: Citation, b: Citation): boolean {
  return a.docId === b.docId && a.paragraph === b.paragraph;
}

/** An http(s) link fit for `<url|label>`, or undefined. */
function safeLink(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
  const href = escapeSlackText(parsed.href.replace(/\|/gu, "%7C"));
  return href.length <= MAX_LINK ? href : undefined;
}

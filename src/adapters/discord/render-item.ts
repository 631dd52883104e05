import type { Answer, Citation, Item } from "../../core/answer.js";
import { citationLine, itemLead, truncate } from "../../core/layout.js";
import { escapeMarkdown, fitMarkdown } from "./markdown.js";

/** Longest lead (speaker, date) shown in a field name; leads are names and dates, never long. */
const MAX_LEAD = 80;
/** The fewest excerpt units worth showing before the citation is shortened instead. */
const MIN_EXCERPT = 40;
/** Links longer than this are left out rather than eat the excerpt's room. */
const MAX_URL = 400;

/** The field name of an item: its number, then what it leads with (a date, a speaker). */
export function itemFieldName(answer: Pick<Answer, "command">, item: Item, number: number): string {
  const lead = itemLead(answer, item);
  if (!lead) return `${number}.`;
  const when = item.dateText && answer.command === "timeline" ? ` (${item.dateText})` : "";
  return `${number}. ${fitMarkdown(`${lead}${when}`, MAX_LEAD)}`;
}

/**
 * The field value of an item within `budget` units: the verbatim excerpt (cut
 * at a word boundary) then its citation on its own line. The citation is never
 * cut into: when room is short, it first loses its link, then a shorter title.
 */
export function itemFieldValue(item: Item, budget: number): string {
  const extra = (item.alsoIn?.length ?? 1) - 1;
  const more = extra > 0 ? ` (+${extra} more)` : "";
  const text = item.text.trim() === "" ? "" : item.text;
  for (const variant of CITATION_VARIANTS) {
    const tail = `— ${citationMarkdown(item.citation, variant)}${more}`;
    if (text === "") {
      if (tail.length <= budget) return tail;
      continue;
    }
    const room = budget - tail.length - 1;
    if (room >= MIN_EXCERPT || (variant === LAST_VARIANT && room >= 1)) {
      return `${fitMarkdown(text, room, item.marks)}\n${tail}`;
    }
  }
  return fitMarkdown(citationLine(item.citation), budget);
}

interface CitationVariant {
  titleMax: number;
  link: boolean;
}

const CITATION_VARIANTS: readonly CitationVariant[] = [
  { titleMax: 120, link: true },
  { titleMax: 120, link: false },
  { titleMax: 40, link: false },
];
const LAST_VARIANT = CITATION_VARIANTS[CITATION_VARIANTS.length - 1];

/** `Title · ¶3 · 2025-01-27 · Source`, a masked link when the article has a usable URL. */
export function citationMarkdown(
  citation: Citation,
  variant: CitationVariant = { titleMax: 120, link: true },
): string {
  const shortened: Citation = {
    ...citation,
    title: truncate(oneLine(citation.title) || "Untitled", variant.titleMax),
  };
  if (citation.source !== undefined) shortened.source = truncate(oneLine(citation.source), 60);
  const text = escapeMarkdown(citationLine(shortened));
  const url = variant.link ? linkTarget(citation.url) : undefined;
  return url ? `[${text}](${url})` : text;
}

/** Metadata on one line: a citation is a single line under its excerpt. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** An http(s) URL safe inside a masked link, or undefined when there is none. */
export function linkTarget(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
  // Parentheses and angle brackets would end the masked link early.
  const href = parsed.href.replace(
    /[()<>\s]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return href.length <= MAX_URL ? href : undefined;
}

import { truncate } from "../../core/layout.js";
import { type CitationView, citationDetails, type ItemView } from "../../present/item-view.js";
import { escapeMarkdown, fitMarkdown } from "./markdown.js";

/** Longest lead (speaker, date) shown in a field name; leads are names and dates, never long. */
const MAX_LEAD = 80;
/** The fewest excerpt units worth showing before the citation is shortened instead. */
const MIN_EXCERPT = 40;
/** Links longer than this are left out rather than eat the excerpt's room. */
const MAX_URL = 400;
/** A publisher's name in a citation. */
const MAX_SOURCE = 60;

/** The field name of an item: its number, then its lead (a date with its wording, a speaker). */
export function itemFieldName(item: ItemView): string {
  if (!item.lead) return `${item.number}.`;
  const when = item.lead.dateText ? ` (${item.lead.dateText})` : "";
  return `${item.number}. ${fitMarkdown(`${item.lead.text}${when}`, MAX_LEAD)}`;
}

/**
 * The field value of an item within `budget` units: the verbatim excerpt (cut
 * at a word boundary) then its citation on its own line. The citation is never
 * cut into: when room is short, it first loses its link, then a shorter title.
 */
export function itemFieldValue(item: ItemView, budget: number): string {
  const extra = item.alsoIn.length;
  const more = extra > 0 ? ` (+${extra} more)` : "";
  for (const variant of CITATION_VARIANTS) {
    const tail = `— ${citationMarkdown(item.citation, variant)}${more}`;
    if (item.text === "") {
      if (tail.length <= budget) return tail;
      continue;
    }
    const room = budget - tail.length - 1;
    if (room >= MIN_EXCERPT || (variant === LAST_VARIANT && room >= 1)) {
      return `${fitMarkdown(item.text, room, item.marks)}\n${tail}`;
    }
  }
  return fitMarkdown([item.citation.title, ...citationDetails(item.citation)].join(" · "), budget);
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
  citation: CitationView,
  variant: CitationVariant = { titleMax: 120, link: true },
): string {
  const details = citationDetails({
    ...citation,
    ...(citation.source === undefined ? {} : { source: truncate(citation.source, MAX_SOURCE) }),
  });
  const text = escapeMarkdown([truncate(citation.title, variant.titleMax), ...details].join(" · "));
  const url = variant.link ? linkTarget(citation.url) : undefined;
  return url ? `[${text}](${url})` : text;
}

/** A safe link as a masked link's target, or undefined when too long for one. */
function linkTarget(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  // Parentheses and angle brackets would end the masked link early.
  const href = url.replace(
    /[()<>\s]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return href.length <= MAX_URL ? href : undefined;
}

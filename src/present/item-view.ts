import { coarseDateLabel } from "../core/analyzers/dates/date-label.js";
import type { Citation, Item, Mark } from "../core/answer.js";

/** How precise a lead date is, from its ISO partial form. */
export type DatePrecision = "year" | "month" | "day";

/**
 * What an item leads with: a speaker, or a date with the expression it was read
 * from. Extras that qualify the lead (an inferred date, what an event explains)
 * belong here, so every renderer gets them at once.
 */
export interface ItemLead {
  /**
   * The speaker's name; or the date as said: a day as ISO (`2025-01-27`), a coarser
   * date as "sometime in 2025" (a timeline places it after the days it holds), followed
   * by "(inferred)" when the sentence states no date; or, for a cause shown after its
   * effect (`/why`), "↳ explains ¶2".
   */
  text: string;
  /** Present (true) when the date comes from the sentence's context, not its words. */
  inferred?: true;
  /** The passage this item states the cause of (`/why`). */
  explains?: CitationView;
  /** The date as written in the article, when the lead is a date read from the text. */
  dateText?: string;
  /** The lead date's precision (date leads only). */
  precision?: DatePrecision;
}

/** One item as shown. */
export interface ItemView {
  /** 1-based position in the whole answer (page 2 starts at 6). */
  number: number;
  lead?: ItemLead;
  /** The verbatim excerpt; empty when the article gave none. */
  text: string;
  /** Ranges of `text` to emphasise, clean (see cleanMarks). */
  marks: Mark[];
  citation: CitationView;
  /** Further places the excerpt is cited from, besides `citation`. */
  alsoIn: CitationView[];
}

/** The view of one item at a position. */
export function itemView(item: Item, number: number): ItemView {
  const text = item.text.trim() === "" ? "" : item.text;
  const view: ItemView = {
    number,
    text,
    marks: cleanMarks(text, item.marks),
    citation: citationView(item.citation),
    alsoIn: (item.alsoIn ?? [])
      .filter((c) => c.docId !== item.citation.docId || c.paragraph !== item.citation.paragraph)
      .map(citationView),
  };
  const lead = leadOf(item);
  if (lead) view.lead = lead;
  return view;
}

function leadOf(item: Item): ItemLead | undefined {
  if (item.lead === "speaker") {
    const text = oneLine(item.speaker ?? "");
    return text === "" ? undefined : { text };
  }
  if (item.lead === "date") {
    const date = oneLine(item.date ?? "");
    if (date === "") return undefined;
    const said = coarseDateLabel(date) ?? date;
    const inferred = item.dateInferred === true;
    const lead: ItemLead = { text: inferred ? `${said} (inferred)` : said, precision: precisionOf(date) };
    if (inferred) lead.inferred = true;
    const dateText = oneLine(item.dateText ?? "");
    if (dateText !== "") lead.dateText = dateText;
    return lead;
  }
  if (item.explains !== undefined) {
    // The effect is the item above; its paragraph (and title, when another article's) says which.
    const explains = citationView(item.explains);
    const where = explains.docId === item.citation.docId ? "" : `${explains.title} `;
    return { text: `↳ explains ${where}¶${explains.paragraph}`, explains };
  }
  return undefined;
}

function precisionOf(date: string): DatePrecision {
  const parts = date.split("-").length;
  return parts >= 3 ? "day" : parts === 2 ? "month" : "year";
}

/** A citation as shown: metadata on one line each, and a link only when it is a safe one. */
export interface CitationView {
  docId: string;
  /** The article's title on one line; "Untitled" when it has none. */
  title: string;
  paragraph: number;
  published?: string;
  /** The publisher, on one line. */
  source?: string;
  /** An absolute http(s) URL (normalised by the URL parser), when the article has one. */
  url?: string;
}

/** The view of a citation. */
export function citationView(citation: Citation): CitationView {
  const view: CitationView = {
    docId: citation.docId,
    title: oneLine(citation.title) || "Untitled",
    paragraph: citation.paragraph,
  };
  if (citation.published !== undefined) view.published = citation.published;
  if (citation.source !== undefined && oneLine(citation.source) !== "")
    view.source = oneLine(citation.source);
  const url = safeLink(citation.url);
  if (url !== undefined) view.url = url;
  return view;
}

/** What follows the title: `¶3`, the date, the source, in that order. */
export function citationDetails(
  citation: Pick<CitationView, "paragraph" | "published" | "source">,
): string[] {
  const parts = [`¶${citation.paragraph}`];
  if (citation.published) parts.push(citation.published);
  if (citation.source) parts.push(citation.source);
  return parts;
}

/** An http(s) URL as the URL parser writes it, or undefined for anything else (javascript:, relative…). */
export function safeLink(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
}

/** Text on one line: runs of whitespace (newlines included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * Marks fit to show: whole numbers, sorted, inside the text, not overlapping,
 * trimmed of spaces and off surrogate halves. Renderers may drop more (a limit,
 * a platform's rule for where bold can start) but never need to repair these.
 */
export function cleanMarks(text: string, marks: readonly Mark[] = []): Mark[] {
  const sorted = marks
    .map((m) => ({ start: Math.trunc(m.start), end: Math.trunc(m.end) }))
    .filter((m) => Number.isFinite(m.start) && Number.isFinite(m.end))
    .sort((a, b) => a.start - b.start);
  const clean: Mark[] = [];
  let floor = 0;
  for (const mark of sorted) {
    let start = snap(text, Math.max(mark.start, floor, 0));
    let end = snap(text, Math.min(mark.end, text.length));
    while (start < end && /\s/u.test(text[start] ?? "")) start++;
    while (end > start && /\s/u.test(text[end - 1] ?? "")) end--;
    if (end <= start) continue;
    clean.push({ start, end });
    floor = end;
  }
  return clean;
}

/** Moves an index off the second half of a surrogate pair. */
function snap(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff && index > 0 ? index - 1 : index;
}

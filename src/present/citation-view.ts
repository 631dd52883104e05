import type { Citation } from "../core/answer.js";

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

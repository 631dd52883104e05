import type { Item, Mark } from "../core/answer.js";
import { type CitationView, citationView, oneLine } from "./citation-view.js";
import { cleanMarks } from "./marks.js";

/** How precise a lead date is, from its ISO partial form. */
export type DatePrecision = "year" | "month" | "day";

/**
 * What an item leads with: a speaker, or a date with the expression it was read
 * from. Extras that qualify the lead (an inferred date, what an event explains)
 * belong here, so every renderer gets them at once.
 */
export interface ItemLead {
  /** The speaker's name, or the ISO partial date. */
  text: string;
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
    const text = oneLine(item.date ?? "");
    if (text === "") return undefined;
    const lead: ItemLead = { text, precision: precisionOf(text) };
    const dateText = oneLine(item.dateText ?? "");
    if (dateText !== "") lead.dateText = dateText;
    return lead;
  }
  return undefined;
}

function precisionOf(date: string): DatePrecision {
  const parts = date.split("-").length;
  return parts >= 3 ? "day" : parts === 2 ? "month" : "year";
}

import { stringify } from "csv-stringify/sync";
import { coarseDateLabel } from "../../core/analyzers/dates/date-label.js";
import { citationLine } from "../../core/layout.js";
import { escapeHtml } from "../../present/escape-html.js";
import type { EntityRecord, EventRecord, QuoteRecord } from "./records.js";

// A cell a spreadsheet would run as a formula (OWASP's CSV injection list).
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * What every CSV cell goes through: booleans as true/false (csv-stringify writes
 * 1 and an empty cell), and text that a spreadsheet would read as a formula
 * (`=`, `+`, `-`, `@`, tab, CR first) prefixed with `'`, as OWASP advises, so
 * it opens as the text it is.
 */
export const CAST = {
  boolean: (value: boolean) => String(value),
  string: (value: string) => (FORMULA_START.test(value) ? `'${value}` : value),
};

/** Quotes as CSV, one row a quotation. */
export function quotesCsv(records: readonly QuoteRecord[]): string {
  return stringify(
    records.map((r) => [
      r.speaker ?? "",
      r.quote,
      r.partial,
      r.citation.docId,
      r.citation.title,
      r.citation.paragraph,
      r.citation.published ?? "",
      r.citation.url ?? "",
      r.text,
    ]),
    {
      header: true,
      cast: CAST,
      columns: ["speaker", "quote", "partial", "doc_id", "title", "paragraph", "published", "url", "text"],
    },
  );
}

/** Events as CSV, one row an event (the first citation; the others joined). */
export function eventsCsv(records: readonly EventRecord[]): string {
  return stringify(
    records.map((r) => {
      const [first, ...others] = r.citations;
      return [
        r.date,
        r.dateText ?? "",
        r.text,
        first?.docId ?? "",
        first?.title ?? "",
        first?.paragraph ?? "",
        others.map((c) => `${c.docId}#${c.paragraph}`).join(" "),
        r.dateInferred,
      ];
    }),
    {
      header: true,
      cast: CAST,
      columns: ["date", "date_text", "text", "doc_id", "title", "paragraph", "also_in", "date_inferred"],
    },
  );
}

/** Entities as CSV. */
export function entitiesCsv(records: readonly EntityRecord[]): string {
  return stringify(
    records.map((r) => [
      r.name,
      r.kind,
      r.mentions,
      r.quotes,
      r.aliases.join("; "),
      r.descriptions.join("; "),
    ]),
    { header: true, cast: CAST, columns: ["name", "kind", "mentions", "quotes", "aliases", "descriptions"] },
  );
}

/** A TimelineJS 3 date: only the parts the event's precision supports. */
interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
}

/** The TimelineJS 3 JSON document for a timeline. */
export interface TimelineJs {
  title: { text: { headline: string; text: string } };
  events: {
    start_date: TimelineJsDate;
    display_date?: string;
    text: { headline: string; text: string };
    credit: string;
  }[];
}

/**
 * Events as a TimelineJS 3 file: start_date with only the parts the precision
 * supports. TimelineJS renders its text fields as HTML, so every text from the
 * corpus is escaped: an article's `<img>` or `<form>` shows as the characters it is.
 */
export function toTimelineJs(records: readonly EventRecord[], title: string): TimelineJs {
  return {
    title: {
      text: {
        headline: escapeHtml(title),
        text: `${records.length} dated events, each cited to its article.`,
      },
    },
    events: records.map((r) => {
      const event: TimelineJs["events"][number] = {
        start_date: timelineJsDate(r.date),
        text: { headline: escapeHtml(headline(r)), text: escapeHtml(r.text) },
        credit: escapeHtml(r.citations.map(citationLine).join("; ")),
      };
      const shown = r.dateText ?? coarseDateLabel(r.date) ?? (r.dateInferred ? r.date : undefined);
      if (shown) event.display_date = escapeHtml(r.dateInferred ? `${shown} (date inferred)` : shown);
      return event;
    }),
  };
}

function timelineJsDate(iso: string): TimelineJsDate {
  const [year, month, day] = iso.split("-").map(Number);
  const date: TimelineJsDate = { year: year ?? 0 };
  if (month) date.month = month;
  if (day) date.day = day;
  return date;
}

function headline(record: EventRecord): string {
  const words = record.text.split(/\s+/u);
  return words.length <= 12 ? record.text : `${words.slice(0, 12).join(" ")}…`;
}

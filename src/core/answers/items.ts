import type { Answer, Item, Mark } from "../answer.js";
import type { Engine } from "../engine.js";
import { termSpans } from "../text/terms.js";

/** The most items one answer carries; adapters page through them. */
export const MAX_ITEMS = 100;

/** An item quoting one passage verbatim, cited. */
export function passageItem(engine: Engine, passageId: number, extra: Partial<Item> = {}): Item {
  const citation = engine.citation(passageId);
  const item: Item = { text: engine.text(passageId), citation, ...extra };
  if (item.date === undefined && citation.published !== undefined && extra.dateText === undefined) {
    item.date = citation.published;
  }
  return item;
}

/** Verbatim text running from one passage to another of the same paragraph. */
export function spanText(engine: Engine, firstId: number, lastId: number): string {
  const first = engine.passage(firstId);
  const last = engine.passage(lastId);
  const start = first.paragraph.sentences[first.sentenceIndex]?.start ?? 0;
  const end = last.paragraph.sentences[last.sentenceIndex]?.end ?? first.paragraph.text.length;
  return first.paragraph.text.slice(start, end);
}

/** Ranges of `text` whose words match any of the index terms. */
export function markTerms(text: string, terms: readonly string[]): Mark[] {
  return termSpans(text, terms);
}

/**
 * An answer, its items capped at MAX_ITEMS with a notice saying how many there were
 * (`total`, when the caller already cut the list to spare building items no one sees).
 */
export function answer(
  command: string,
  query: string,
  title: string,
  items: Item[],
  notice?: string,
  total = items.length,
): Answer {
  const result: Answer = { command, query, title, items: items.slice(0, MAX_ITEMS) };
  const notes: string[] = [];
  if (notice) notes.push(notice);
  if (total > MAX_ITEMS) {
    notes.push(
      `Showing the first ${MAX_ITEMS} of ${total.toLocaleString("en")}; narrow the query to see others.`,
    );
  }
  if (notes.length > 0) result.notice = notes.join(" ");
  return result;
}

/** "“tarif” (did you mean: tariff, tariffs?)" style suggestions, or an empty string. */
export function suggestionText(suggestions: readonly string[], lead = "Try"): string {
  if (suggestions.length === 0) return "";
  return `${lead}: ${suggestions.map((s) => `“${s}”`).join(", ")}.`;
}

/** Normalises a user query for echoing: single spaces, at most 200 characters. */
export function cleanQuery(query: string): string {
  const single = query.replace(/\s+/gu, " ").trim();
  return single.length > 200 ? `${single.slice(0, 199)}…` : single;
}

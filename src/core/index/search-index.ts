import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import { indexTerm, tokenize } from "../text/terms.js";
import { type Passage, passageText } from "./passages.js";

/** The fields a passage is indexed by. */
interface IndexedPassage {
  id: number;
  text: string;
  title: string;
  heading: string;
  names: string;
}

/**
 * The one options object the index is built and loaded with: MiniSearch's
 * `loadJSON` must get the same options as the index it loads.
 */
export const INDEX_OPTIONS: Readonly<Options<IndexedPassage>> = Object.freeze({
  idField: "id",
  fields: ["text", "title", "heading", "names"],
  storeFields: [],
  tokenize,
  processTerm: (term: string) => indexTerm(term),
});

/** The most words of a query that are searched for. */
export const MAX_QUERY_WORDS = 12;

/** Field boosts: a word in the title, heading or an entity name counts more. */
export const FIELD_BOOSTS = Object.freeze({ text: 1, title: 1.5, heading: 1.3, names: 2 });

/** A passage that matched, with the index terms it matched. */
export interface PassageHit {
  id: number;
  score: number;
  /** Index terms of the passage that matched (for highlighting). */
  terms: string[];
}

/** Options of a passage search. */
export interface PassageSearchOptions {
  /** Only passages this accepts (by id). */
  filter?: (id: number) => boolean;
  /** At most this many hits. Default 50. */
  limit?: number;
}

/** A MiniSearch index over sentences with title, heading and entity boosts. */
export class SearchIndex {
  readonly mini: MiniSearch<IndexedPassage>;

  constructor(mini?: MiniSearch<IndexedPassage>) {
    this.mini = mini ?? new MiniSearch<IndexedPassage>(INDEX_OPTIONS);
  }

  /** Adds passages; `names(passage)` gives the entity names mentioned in it. */
  add(passages: Iterable<Passage>, names: (passage: Passage) => string[]): void {
    for (const passage of passages) {
      this.mini.add({
        id: passage.id,
        text: passageText(passage),
        title: passage.document.title,
        heading: passage.paragraph.heading ?? "",
        names: names(passage).join(" "),
      });
    }
  }

  /**
   * Ranked passages for a query, in widening attempts that stop at the first
   * that finds anything: every word exactly (stems, so "prices" finds "price"),
   * then the last word as a prefix ("tarif" → "tariff"), then typos allowed
   * (fuzzy, words of 5+ letters), then any word. Exact matches never drown among
   * near-misses, and the costly expansions run only when they are needed.
   */
  search(rawQuery: string, options: PassageSearchOptions = {}): PassageHit[] {
    const limit = options.limit ?? 50;
    // Typo and any-word search grow with the number of words; no real question needs more than these.
    const query = tokenize(rawQuery).slice(0, MAX_QUERY_WORDS).join(" ");
    const base: SearchOptions = { boost: FIELD_BOOSTS, weights: { fuzzy: 0.3, prefix: 0.5 }, maxFuzzy: 2 };
    if (options.filter) {
      const accept = options.filter;
      base.filter = (result) => accept(result.id as number);
    }
    const prefix = (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 3;
    const fuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);
    const attempts: SearchOptions[] = [
      { ...base, combineWith: "AND" },
      { ...base, combineWith: "AND", prefix },
      { ...base, combineWith: "AND", prefix, fuzzy },
      { ...base, combineWith: "OR", prefix, fuzzy },
    ];
    for (const attempt of attempts) {
      const results = this.mini.search(query, attempt);
      if (results.length > 0) {
        return results.slice(0, limit).map((r) => ({ id: r.id as number, score: r.score, terms: r.terms }));
      }
    }
    return [];
  }

  /** Number of passages indexed. */
  get size(): number {
    return this.mini.documentCount;
  }
}

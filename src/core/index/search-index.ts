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
 * The one options object the index is loaded with: MiniSearch's `loadJSON`
 * must get the same options as the index it loads.
 */
export const INDEX_OPTIONS: Readonly<Options<IndexedPassage>> = Object.freeze({
  idField: "id",
  fields: ["text", "title", "heading", "names"],
  storeFields: [],
  tokenize,
  processTerm: indexTerm,
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

/**
 * A MiniSearch index over sentences with title, heading and entity boosts. It
 * also knows its vocabulary (every index term), so typo search only widens
 * words the corpus does not contain.
 */
export class SearchIndex {
  readonly mini: MiniSearch<IndexedPassage>;
  private readonly vocabulary: Set<string>;

  /** An empty index, or one loaded from a snapshot with the terms it holds. */
  constructor(loaded?: { mini: MiniSearch<IndexedPassage>; terms: Iterable<string> }) {
    this.vocabulary = new Set(loaded?.terms);
    const vocabulary = this.vocabulary;
    this.mini =
      loaded?.mini ??
      new MiniSearch<IndexedPassage>({
        ...INDEX_OPTIONS,
        processTerm: (word: string) => {
          const term = indexTerm(word);
          if (term !== null) vocabulary.add(term);
          return term;
        },
      });
  }

  /**
   * Adds passages; `names(passage)` gives the entity names mentioned in it. The
   * title is indexed with a document's first sentence only, and of the names only
   * the words the sentence does not already say ("Petro" → "Gustavo"): repeating
   * them on every sentence made each common word's postings several times longer
   * (and every search that much slower) for sentences that do not contain the word.
   */
  add(passages: Iterable<Passage>, names: (passage: Passage) => string[]): void {
    for (const passage of passages) {
      const text = passageText(passage);
      const said = new Set(tokenize(text).map(indexTerm));
      const unsaid = tokenize(names(passage).join(" ")).filter((word) => !said.has(indexTerm(word)));
      this.mini.add({
        id: passage.id,
        text,
        title: isLede(passage) ? passage.document.title : "",
        heading: passage.paragraph.heading ?? "",
        names: unsaid.join(" "),
      });
    }
  }

  /** Whether an index term (see `indexTerm`) occurs anywhere in the corpus. */
  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /**
   * Ranked passages for a query, in widening attempts that stop at the first
   * that finds anything: every word exactly (stems, so "prices" finds "price"),
   * then the last word as a prefix ("tarif" → "tariff"), then typos allowed for
   * words of 5+ letters, then any word. Only words the corpus does not contain
   * are widened. Exact matches never drown among near-misses, and the costly
   * expansions run only when they are needed.
   */
  search(rawQuery: string, options: PassageSearchOptions = {}): PassageHit[] {
    const limit = options.limit ?? 50;
    // Typo and any-word search grow with the number of words; no real question needs more than these.
    const query = tokenize(rawQuery).slice(0, MAX_QUERY_WORDS).join(" ");
    const base: SearchOptions = {
      boost: FIELD_BOOSTS,
      weights: { fuzzy: 0.3, prefix: 0.5 },
      maxFuzzy: 2,
      processTerm: indexTerm,
    };
    if (options.filter) {
      const accept = options.filter;
      base.filter = (result) => accept(result.id as number);
    }
    // A word the corpus contains is neither unfinished nor a typo: widening it only adds
    // near-misses ("bank" → "band"), and each widening is another pass over long postings.
    const unknown = (term: string) => !this.vocabulary.has(term);
    const unfinished = (term: string) => term.length >= 3 && unknown(term);
    const prefix = (term: string, i: number, terms: string[]) => i === terms.length - 1 && unfinished(term);
    const typo = (term: string) => term.length >= 5 && unknown(term);
    const fuzzy = (term: string) => (typo(term) ? 0.2 : false);
    const terms = tokenize(query)
      .map(indexTerm)
      .filter((term): term is string => term !== null);
    const last = terms.at(-1);
    const attempts: SearchOptions[] = [
      { ...base, combineWith: "AND" },
      ...(last && unfinished(last) ? [{ ...base, combineWith: "AND" as const, prefix }] : []),
      ...(terms.some(typo) ? [{ ...base, combineWith: "AND" as const, prefix, fuzzy }] : []),
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

function isLede(passage: Passage): boolean {
  return passage.paragraph === passage.document.paragraphs[0] && passage.sentenceIndex === 0;
}

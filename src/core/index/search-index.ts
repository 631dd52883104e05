import MiniSearch, { type Options } from "minisearch";
import { indexTerm, tokenize } from "../text/terms.js";
import { type Passage, passageText } from "./passages.js";
import { checkPostings, type RankedPostingsData, rankPostings, toMiniSearch } from "./ranked-postings.js";
import { PostingLists, type TermList, type TermQuery, type Widening } from "./term-lists.js";
import { type Combine, type RankedHit, topK } from "./top-k.js";

/** The fields a passage is indexed by. */
interface IndexedPassage {
  id: number;
  text: string;
  title: string;
  heading: string;
  names: string;
}

/**
 * The one options object the index is built with (and MiniSearch rebuilt
 * from its postings, see `toMiniSearch`).
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

/** How prefix and typo matches weigh against exact ones (MiniSearch's `weights`, `maxFuzzy`). */
export const WIDENING: Readonly<Widening> = Object.freeze({
  prefixWeight: 0.5,
  fuzzyWeight: 0.3,
  maxFuzzy: 2,
});

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
  /**
   * The same hits (the `limit` best) in any order, not ranked: for callers that
   * use which passages matched, not their order (a timeline, a filter).
   */
  unordered?: boolean;
}

/** One widening attempt: how words combine and which of them widen. */
interface Attempt {
  combine: Combine;
  prefix: (term: string, i: number, terms: string[]) => boolean;
  fuzzy: (term: string) => number | false;
}

/**
 * Passages ranked by MiniSearch's relevance, top k first. MiniSearch builds
 * the index and defines the ranking (BM25+ over sentences with title, heading
 * and entity-name boosts); its postings are then scored once and kept in
 * impact order (see ranked-postings.ts), so a search reads the best few
 * postings of each word instead of scoring every match (see top-k.ts). The
 * results are MiniSearch's own — same passages, same scores, same order, ties
 * by ascending passage id — which tests/core/index/top-k-equality.test.ts
 * checks against MiniSearch's exhaustive search on many random queries.
 */
export class SearchIndex {
  private readonly lists: PostingLists;

  private constructor(data: RankedPostingsData) {
    checkPostings(data);
    this.lists = new PostingLists(data);
  }

  /**
   * Indexes passages; `names(passage)` gives the entity names mentioned in it. The
   * title is indexed with a document's first sentence only, and of the names only
   * the words the sentence does not already say ("Petro" → "Gustavo"): repeating
   * them on every sentence made each common word's postings several times longer
   * (and every search that much slower) for sentences that do not contain the word.
   */
  static build(passages: Iterable<Passage>, names: (passage: Passage) => string[]): SearchIndex {
    const mini = new MiniSearch<IndexedPassage>(INDEX_OPTIONS);
    for (const passage of passages) {
      const text = passageText(passage);
      const said = new Set(tokenize(text).map(indexTerm));
      const unsaid = tokenize(names(passage).join(" ")).filter((word) => !said.has(indexTerm(word)));
      mini.add({
        id: passage.id,
        text,
        title: isLede(passage) ? passage.document.title : "",
        heading: passage.paragraph.heading ?? "",
        names: unsaid.join(" "),
      });
    }
    return new SearchIndex(rankPostings(mini, FIELD_BOOSTS));
  }

  /** An index from its ranked postings (a snapshot's); throws when they do not fit together. */
  static fromPostings(data: RankedPostingsData): SearchIndex {
    return new SearchIndex(data);
  }

  /** The ranked postings, for snapshots. */
  get postings(): RankedPostingsData {
    return this.lists.data;
  }

  /** MiniSearch's index of these postings, rebuilt: for exhaustive searches and MiniSearch's own API. */
  toMiniSearch(): MiniSearch<IndexedPassage> {
    return toMiniSearch(this.lists.data, INDEX_OPTIONS);
  }

  /** Builds now what a first typo or prefix search would otherwise build. */
  warm(): void {
    this.lists.warm();
  }

  /** Whether an index term (see `indexTerm`) occurs anywhere in the corpus. */
  has(term: string): boolean {
    return this.lists.termNumber(term) !== undefined;
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
    const terms = queryTerms(rawQuery);
    if (terms.length === 0) return [];
    for (const attempt of attemptsFor(terms, (term) => this.has(term))) {
      const lists = this.listsFor(attempt, terms);
      const hits = topK(lists, attempt.combine, limit, {
        accept: options.filter,
        firstTime: () => this.lists.firstTime(),
        unordered: options.unordered,
      });
      if (hits.length > 0) return hits.map((hit) => this.passageHit(hit, lists));
    }
    return [];
  }

  /**
   * Which of `ids` the query matches, as `search` with no limit would match them: the first
   * attempt (exact words, then widened) that matches any passage of the corpus decides, and
   * its matches among `ids` are returned, however many passages it matches elsewhere.
   */
  matchingAmong(rawQuery: string, ids: ReadonlySet<number>): Set<number> {
    const terms = queryTerms(rawQuery);
    if (terms.length === 0 || ids.size === 0) return new Set();
    const firstTime = () => this.lists.firstTime();
    for (const attempt of attemptsFor(terms, (term) => this.has(term))) {
      const lists = this.listsFor(attempt, terms);
      if (topK(lists, attempt.combine, 1, { firstTime, unordered: true }).length === 0) continue;
      const among = topK(lists, attempt.combine, ids.size, {
        accept: (id) => ids.has(id),
        firstTime,
        unordered: true,
      });
      return new Set(among.map((hit) => hit.id));
    }
    return new Set();
  }

  /** Number of passages indexed. */
  get size(): number {
    return this.lists.data.documentCount;
  }

  /** Each query word's postings as an attempt reads them (exact, or widened by prefix and typos). */
  private listsFor(attempt: Attempt, terms: string[]): TermList[] {
    return terms.map((term, i) =>
      this.lists.list(
        { term, prefix: attempt.prefix(term, i, terms), fuzzy: attempt.fuzzy(term) } satisfies TermQuery,
        WIDENING,
      ),
    );
  }

  private passageHit(hit: RankedHit, lists: readonly TermList[]): PassageHit {
    return new Hit(hit, lists, this.lists);
  }
}

/**
 * A hit whose matched terms are worked out when read: a timeline or a filter
 * reads thousands of hits but no terms.
 */
class Hit implements PassageHit {
  readonly id: number;
  readonly score: number;
  private matched: string[] | undefined;

  constructor(
    private readonly hit: RankedHit,
    private readonly lists: readonly TermList[],
    private readonly postings: PostingLists,
  ) {
    this.id = hit.id;
    this.score = hit.score;
  }

  get terms(): string[] {
    if (!this.matched) {
      const found = new Set<string>();
      this.lists.forEach((list, i) => {
        if ((this.hit.lists & (1 << i)) === 0) return;
        for (const t of list.made) {
          if (list.made.length === 1 || this.postings.contains(t, this.id))
            found.add(this.postings.termOf(t));
        }
      });
      this.matched = [...found];
    }
    return this.matched;
  }
}

/**
 * The index terms a query searches for: none when it has only stop words ("said").
 * Typo and any-word search grow with the number of words; no real question needs
 * more than MAX_QUERY_WORDS.
 */
export function queryTerms(rawQuery: string): string[] {
  return tokenize(rawQuery)
    .slice(0, MAX_QUERY_WORDS)
    .map(indexTerm)
    .filter((term): term is string => term !== null);
}

/**
 * The widening attempts for a query's terms. A word the corpus contains is
 * neither unfinished nor a typo: widening it only adds near-misses ("bank" →
 * "band"), and each widening is another pass over long postings.
 */
function attemptsFor(terms: string[], known: (term: string) => boolean): Attempt[] {
  const unfinished = (term: string) => term.length >= 3 && !known(term);
  const typo = (term: string) => term.length >= 5 && !known(term);
  const exact: Attempt = { combine: "AND", prefix: () => false, fuzzy: () => false };
  const prefix = (term: string, i: number, all: string[]) => i === all.length - 1 && unfinished(term);
  const fuzzy = (term: string) => (typo(term) ? 0.2 : false);
  const last = terms.at(-1) as string;
  return [
    exact,
    ...(unfinished(last) ? [{ combine: "AND" as const, prefix, fuzzy: () => false as const }] : []),
    ...(terms.some(typo) ? [{ combine: "AND" as const, prefix, fuzzy }] : []),
    { combine: "OR", prefix, fuzzy },
  ];
}

function isLede(passage: Passage): boolean {
  return passage.paragraph === passage.document.paragraphs[0] && passage.sentenceIndex === 0;
}

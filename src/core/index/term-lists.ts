import SearchableMap from "minisearch/SearchableMap";
import { bm25, fuzzyWeight, maxEditDistance, prefixWeight, weighted } from "./bm25.js";
import { impactOrder, type RankedPostingsData } from "./ranked-postings.js";

/** One word of a query as MiniSearch sees it: the term, and whether it widens to prefix or typo matches. */
export interface TermQuery {
  term: string;
  prefix: boolean;
  /** MiniSearch's `fuzzy` for this term: false, or the fraction of its length allowed as edits. */
  fuzzy: number | false;
}

/** How widened matches are weighted (MiniSearch's `weights` and `maxFuzzy` options). */
export interface Widening {
  prefixWeight: number;
  fuzzyWeight: number;
  maxFuzzy: number;
}

/**
 * The documents one query word matches, with that word's score in each: the
 * same numbers MiniSearch's `executeQuerySpec` computes, in both orders.
 */
export interface TermList {
  /** The query term (MiniSearch's "source term"). */
  term: string;
  /** Ids ascending. */
  docs: Uint32Array;
  /** Score of each id in `docs`. */
  scores: Float64Array;
  /**
   * Positions in `docs`, best score first, ties by ascending id: stored for a
   * word's own list; for a widened word's, sorted only if a search needs it
   * (see `impactOf`): a one-word search selects its top k without sorting.
   */
  impact?: Uint32Array;
  /** Index terms (by number) this list is made of: the term itself, or its prefix and typo matches. */
  made: number[];
}

/**
 * The postings of an index, ready to be searched: a known word's list is a
 * view on the ranked arrays (nothing computed); a widened word's list is
 * computed from its prefix and typo matches' per-field postings, exactly as
 * MiniSearch adds them up (order included).
 */
export class PostingLists {
  readonly data: RankedPostingsData;
  private readonly termNumbers: Map<string, number>;
  private readonly fieldCount: number;
  private radix: SearchableMap<number> | undefined;
  // Scratch space for widened words, reused by every search (searches are synchronous).
  private readonly sum: Float64Array;
  private readonly stamp: Uint32Array;
  private epoch = 0;

  constructor(data: RankedPostingsData) {
    this.data = data;
    this.fieldCount = data.averageFieldLength.length;
    this.termNumbers = new Map(data.terms.map((term, t) => [term, t]));
    this.sum = new Float64Array(data.idLimit);
    this.stamp = new Uint32Array(data.idLimit);
  }

  /** The number of an index term, or undefined when the corpus does not contain it. */
  termNumber(term: string): number | undefined {
    return this.termNumbers.get(term);
  }

  /** The radix tree MiniSearch finds prefix and typo matches in, filled in the same order (built on first use or by `warm`). */
  private tree(): SearchableMap<number> {
    if (!this.radix) {
      const tree = new SearchableMap<number>();
      this.data.terms.forEach((term, t) => {
        tree.set(term, t);
      });
      this.radix = tree;
    }
    return this.radix;
  }

  /** Builds what the first widened search would otherwise build. */
  warm(): void {
    this.tree();
  }

  /** The list of a term exactly as indexed (empty when unknown). */
  exact(term: string): TermList {
    const t = this.termNumbers.get(term);
    if (t === undefined) return { term, docs: EMPTY_IDS, scores: EMPTY_SCORES, impact: EMPTY_IDS, made: [] };
    const start = this.data.termStart[t] as number;
    const end = this.data.termStart[t + 1] as number;
    return {
      term,
      docs: this.data.docs.subarray(start, end),
      scores: this.data.scores.subarray(start, end),
      impact: this.data.impact.subarray(start, end),
      made: [t],
    };
  }

  /** The list of one query word, widened as asked. */
  list(query: TermQuery, widening: Widening): TermList {
    const exact = this.exact(query.term);
    if (!query.prefix && !query.fuzzy) return exact;
    // executeQuerySpec: every prefix match (not the word itself), then typo matches that are not prefix matches.
    const derived: [number, number][] = [];
    const typos =
      query.fuzzy === false
        ? undefined
        : this.tree().fuzzyGet(query.term, maxEditDistance(query.term, query.fuzzy, widening.maxFuzzy));
    if (query.prefix) {
      for (const [term, t] of this.tree().atPrefix(query.term)) {
        const distance = term.length - query.term.length;
        if (!distance) continue;
        typos?.delete(term);
        derived.push([t, prefixWeight(widening.prefixWeight, term, distance)]);
      }
    }
    for (const [term, [t, distance]] of typos ?? []) {
      if (!distance) continue;
      derived.push([t, fuzzyWeight(widening.fuzzyWeight, term, distance)]);
    }
    if (derived.length === 0) return exact;
    return this.widened(exact, derived);
  }

  private widened(exact: TermList, derived: [number, number][]): TermList {
    const epoch = this.nextEpoch();
    const { sum, stamp, data, fieldCount } = this;
    const touched: number[] = [];
    const add = (id: number, score: number) => {
      if (stamp[id] === epoch) sum[id] = (sum[id] as number) + score;
      else {
        stamp[id] = epoch;
        sum[id] = score;
        touched.push(id);
      }
    };
    for (let i = 0; i < exact.docs.length; i++) add(exact.docs[i] as number, exact.scores[i] as number);
    for (const [t, weight] of derived) {
      data.fieldOrder.forEach((fieldId, position) => {
        const start = data.fieldStart[t * fieldCount + fieldId] as number;
        const end = data.fieldStart[t * fieldCount + fieldId + 1] as number;
        const boost = data.fieldBoosts[position] as number;
        const average = data.averageFieldLength[fieldId] as number;
        for (let p = start; p < end; p++) {
          const id = data.fieldDocs[p] as number;
          const length = data.fieldLengths[id * fieldCount + fieldId] as number;
          const raw = bm25(data.fieldFreqs[p] as number, end - start, data.documentCount, length, average);
          add(id, weighted(weight, boost, raw));
        }
      });
    }
    const docs = Uint32Array.from(touched).sort();
    const scores = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) scores[i] = sum[docs[i] as number] as number;
    return { term: exact.term, docs, scores, made: [...exact.made, ...derived.map(([t]) => t)] };
  }

  /** Whether a document has an index term in any field (for the terms a hit matched). */
  contains(t: number, id: number): boolean {
    const { data, fieldCount } = this;
    for (let f = 0; f < fieldCount; f++) {
      const start = data.fieldStart[t * fieldCount + f] as number;
      const end = data.fieldStart[t * fieldCount + f + 1] as number;
      if (indexOf(data.fieldDocs, id, start, end) >= 0) return true;
    }
    return false;
  }

  /** The index term of a number. */
  termOf(t: number): string {
    return this.data.terms[t] as string;
  }

  /** A fresh "first time?" test over document ids: true the first time it sees an id. */
  firstTime(): (id: number) => boolean {
    const epoch = this.nextEpoch();
    const stamp = this.stamp;
    return (id) => {
      if (stamp[id] === epoch) return false;
      stamp[id] = epoch;
      return true;
    };
  }

  private nextEpoch(): number {
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }
}

/** A list's impact order, sorted now if it was not yet. */
export function impactOf(list: TermList): Uint32Array {
  list.impact ??= impactOrder(list.scores);
  return list.impact;
}

/** The position of `id` in ascending `ids[start, end)`, or -1. */
export function indexOf(ids: Uint32Array, id: number, start = 0, end = ids.length): number {
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = ids[mid] as number;
    if (at < id) lo = mid + 1;
    else if (at > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const EMPTY_IDS = new Uint32Array(0);
const EMPTY_SCORES = new Float64Array(0);

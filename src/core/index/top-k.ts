import { impactOf, indexOf, type TermList } from "./term-lists.js";

/** A scored document; `lists` has bit i set when list i matched it. */
export interface RankedHit {
  id: number;
  score: number;
  lists: number;
}

/** How the words of a query combine: every word (AND) or any word (OR), as MiniSearch's `combineWith`. */
export type Combine = "AND" | "OR";

/** Options of topK. */
export interface TopKOptions {
  /** Only documents this accepts count (MiniSearch's `filter`, applied before ranking). */
  accept?: ((id: number) => boolean) | undefined;
  /** A fresh "seen before?" test per search: true the first time an id is offered. */
  firstTime: () => (id: number) => boolean;
  /** The k best in any order: for callers that want which documents, not their ranking. */
  unordered?: boolean | undefined;
}

/**
 * The k best documents for a query's word lists, exactly as MiniSearch ranks
 * them (its score: the words' scores added in query order, times the number of
 * distinct words matched) with ties broken by ascending id, best first.
 *
 * It walks the lists in impact order, always from the list whose next score is
 * highest, scores each new document completely by looking it up in the other
 * lists, and stops as soon as no document not yet seen can beat the k-th best:
 * Fagin's threshold algorithm, the score-at-a-time relative of MaxScore and
 * WAND. An unseen document's score is bounded by the lists' next scores (every
 * score is positive and floating-point addition is monotonic, so the bound holds
 * to the last bit); for AND, nothing unseen can match once any list is used up.
 * Searches that would read most postings anyway (a big k, or AND words whose
 * best documents rarely share a sentence) score the rarest list's documents
 * instead: never more than one and a half passes over the shortest list.
 */
export function topK(
  lists: readonly TermList[],
  combine: Combine,
  k: number,
  options: TopKOptions,
): RankedHit[] {
  if (lists.length === 0 || k <= 0) return [];
  if (lists.length > 30) throw new RangeError("topK: at most 30 query words");
  const query = new Query(lists, combine);
  if (combine === "AND" && lists.some((list) => list.docs.length === 0)) return [];
  const shortest = Math.min(...lists.map((list) => list.docs.length));
  const total = lists.reduce((n, list) => n + list.docs.length, 0);
  const direct = combine === "AND" ? shortest : total;
  if (lists.length === 1) return firstOfImpact(query, k, options);
  if (k * 2 >= direct) return exhaustive(query, k, options);
  // An AND search that has not stopped after reading half as many postings as the rarest word
  // has rarely stops soon (its words' best passages seldom share a sentence): scoring the rarest
  // word's passages then costs less than reading on (measured on the bench's questions, 19k and 100k).
  const found = threshold(query, k, options, combine === "AND" ? shortest / 2 : Number.POSITIVE_INFINITY);
  return found ?? exhaustive(query, k, options);
}

/** A query's lists, how they combine, and which lists stand for the same word. */
class Query {
  /** For each list, the bit of its word: repeated words count once in MiniSearch's quality factor. */
  readonly wordBits: number[];

  constructor(
    readonly lists: readonly TermList[],
    readonly combine: Combine,
  ) {
    this.wordBits = lists.map((list) => 1 << lists.findIndex((other) => other.term === list.term));
  }

  /**
   * MiniSearch's final score of a document found at `position` of list `from`
   * (undefined when AND and a list lacks it): scores added in list order,
   * times the number of distinct words matched.
   */
  score(id: number, from: number, position: number): RankedHit | undefined {
    const { lists, wordBits } = this;
    let sum = 0;
    let first = true;
    let matched = 0;
    let words = 0;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i] as TermList;
      const at = i === from ? position : indexOf(list.docs, id);
      if (at < 0) {
        if (this.combine === "AND") return undefined;
        continue;
      }
      const score = list.scores[at] as number;
      sum = first ? score : sum + score;
      first = false;
      matched |= 1 << i;
      words |= wordBits[i] as number;
    }
    return { id, score: sum * bitCount(words), lists: matched };
  }

  /** The best score a document no list has offered yet could have (see topK). */
  bound(next: readonly number[], open: readonly boolean[]): number {
    let sum = 0;
    let first = true;
    let words = 0;
    for (let i = 0; i < this.lists.length; i++) {
      if (!open[i]) {
        if (this.combine === "AND") return Number.NEGATIVE_INFINITY;
        continue;
      }
      sum = first ? (next[i] as number) : sum + (next[i] as number);
      first = false;
      words |= this.wordBits[i] as number;
    }
    return first ? Number.NEGATIVE_INFINITY : sum * bitCount(words);
  }
}

// One word: its impact order is the ranking; a widened word's unsorted list is selected from instead.
function firstOfImpact(query: Query, k: number, options: TopKOptions): RankedHit[] {
  const list = query.lists[0] as TermList;
  const impact = list.impact;
  if (!impact) {
    const best = new Worst(k);
    for (let position = 0; position < list.docs.length; position++) {
      const id = list.docs[position] as number;
      if (options.accept && !options.accept(id)) continue;
      // One word's score is its list's (times one word matched): a widened word of a large
      // archive has tens of thousands of documents, and most cannot enter the k best.
      if (!best.wouldTake(list.scores[position] as number, id)) continue;
      best.offer(query.score(id, 0, position) as RankedHit);
    }
    return best.sorted(options.unordered);
  }
  const hits: RankedHit[] = [];
  for (let i = 0; i < impact.length && hits.length < k; i++) {
    const position = impact[i] as number;
    const id = list.docs[position] as number;
    if (options.accept && !options.accept(id)) continue;
    hits.push(query.score(id, 0, position) as RankedHit);
  }
  return hits;
}

function threshold(query: Query, k: number, options: TopKOptions, budget: number): RankedHit[] | undefined {
  const { lists } = query;
  const impacts = lists.map(impactOf);
  const cursor = lists.map(() => 0);
  const next = lists.map(() => 0);
  const open = lists.map(() => true);
  const best = new Worst(k);
  const firstTime = options.firstTime();
  for (let read = 0; ; read++) {
    let from = -1;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i] as TermList;
      const impact = impacts[i] as Uint32Array;
      const at = cursor[i] as number;
      open[i] = at < impact.length;
      if (!open[i]) continue;
      next[i] = list.scores[impact[at] as number] as number;
      if (from < 0 || (next[i] as number) > (next[from] as number)) from = i;
    }
    if (from < 0) break;
    if (query.combine === "AND" && open.includes(false)) break;
    if (best.full && (best.root as RankedHit).score > query.bound(next, open)) break;
    if (read >= budget) return undefined;
    const list = lists[from] as TermList;
    const position = (impacts[from] as Uint32Array)[cursor[from] as number] as number;
    cursor[from] = (cursor[from] as number) + 1;
    const id = list.docs[position] as number;
    if (!firstTime(id) || (options.accept && !options.accept(id))) continue;
    const hit = query.score(id, from, position);
    if (hit) best.offer(hit);
  }
  return best.sorted(options.unordered);
}

// Every match scored: driven by the shortest list for AND, by each list for OR.
function exhaustive(query: Query, k: number, options: TopKOptions): RankedHit[] {
  const { lists } = query;
  const best = new Worst(k);
  const firstTime = options.firstTime();
  const drivers =
    query.combine === "AND"
      ? [lists.reduce((a, b) => (b.docs.length < a.docs.length ? b : a))]
      : lists.filter((list, i) => lists.indexOf(list) === i);
  for (const driver of drivers) {
    const from = lists.indexOf(driver);
    for (let position = 0; position < driver.docs.length; position++) {
      const id = driver.docs[position] as number;
      if (!firstTime(id) || (options.accept && !options.accept(id))) continue;
      const hit = query.score(id, from, position);
      if (hit) best.offer(hit);
    }
  }
  return best.sorted(options.unordered);
}

/** Whether a ranks above b: higher score, then lower id. */
function above(a: RankedHit, b: RankedHit): boolean {
  return a.score > b.score || (a.score === b.score && a.id < b.id);
}

/** The k best hits offered so far, in a heap whose root is the worst of them. */
class Worst {
  private readonly heap: RankedHit[] = [];

  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.heap.length >= this.k;
  }

  get root(): RankedHit | undefined {
    return this.heap[0];
  }

  /** Whether a hit of this score and id would be kept if offered now. */
  wouldTake(score: number, id: number): boolean {
    const root = this.heap[0];
    if (this.heap.length < this.k || root === undefined) return true;
    return score > root.score || (score === root.score && id < root.id);
  }

  offer(hit: RankedHit): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(hit);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!above(heap[parent] as RankedHit, heap[i] as RankedHit)) break;
        [heap[parent], heap[i]] = [heap[i] as RankedHit, heap[parent] as RankedHit];
        i = parent;
      }
      return;
    }
    if (!above(hit, heap[0] as RankedHit)) return;
    heap[0] = hit;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && above(heap[worst] as RankedHit, heap[left] as RankedHit)) worst = left;
      if (right < heap.length && above(heap[worst] as RankedHit, heap[right] as RankedHit)) worst = right;
      if (worst === i) break;
      [heap[worst], heap[i]] = [heap[i] as RankedHit, heap[worst] as RankedHit];
      i = worst;
    }
  }

  /** The hits, best first (or in heap order when `unordered`). */
  sorted(unordered = false): RankedHit[] {
    return unordered ? this.heap : [...this.heap].sort((a, b) => b.score - a.score || a.id - b.id);
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

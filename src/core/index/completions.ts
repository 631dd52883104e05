import type { EntityIndex } from "../analyzers/entities/entity-index.js";
import { foldAccents, foldedWords, isStopWord, tokenSpans } from "../text/terms.js";
import { type Passage, passageText } from "./passages.js";

interface Entry {
  label: string;
  /** Folded words of the label (none empty); a suggestion matches when one of them starts with what was typed. */
  words: string[];
  folded: string;
  count: number;
}

/** Suggestions for autocomplete, most frequent first, matched by word prefix. */
export class Completions {
  // The word index is built with the list, so that no first question waits for it.
  private constructor(
    private readonly entries: Entry[],
    wordOrder?: readonly number[],
  ) {
    const pairWords: string[] = [];
    const pairPositions: number[] = [];
    entries.forEach((entry, position) => {
      for (const word of entry.words) {
        pairWords.push(word);
        pairPositions.push(position);
      }
    });
    // A snapshot's order of the pairs spares sorting them again (when it is a permutation that sorts them).
    let order = wordOrder && isPermutation(wordOrder, pairWords.length) ? wordOrder : undefined;
    if (order && !sortsWords(order, pairWords)) order = undefined;
    order ??= Array.from(pairWords.keys()).sort((a, b) =>
      compareWords(pairWords[a] as string, pairWords[b] as string),
    );
    this.words = order.map((i) => pairWords[i] as string);
    this.positions = new Int32Array(order.length);
    order.forEach((i, at) => {
      this.positions[at] = pairPositions[i] as number;
    });
  }

  /** From labels and how often each occurs; `wordOrder` is a snapshot's `wordOrder()`. */
  static fromCounts(counts: Iterable<[string, number]>, wordOrder?: readonly number[]): Completions {
    const entries: Entry[] = [];
    for (const [full, count] of counts) {
      // Matched as shown (cut to 100 characters), so a snapshot's labels give back the same words.
      const label = full.slice(0, 100);
      // Plain ASCII has no accents to fold (the common case, and foldAccents' normalisation is not free).
      const folded = isAscii(label) ? label.toLowerCase() : foldAccents(label);
      entries.push({ label, folded, words: foldedWords(folded), count });
    }
    // A snapshot's counts are already in this order: checking is one pass, sorting again many comparisons.
    const order = (a: Entry, b: Entry) => b.count - a.count || COLLATOR.compare(a.label, b.label);
    const sorted = entries.every((entry, i) => i === 0 || order(entries[i - 1] as Entry, entry) <= 0);
    if (!sorted) entries.sort(order);
    return new Completions(entries, sorted ? wordOrder : undefined);
  }

  /** Topics: entity names and the words of the corpus that occur at least twice. */
  static topics(passages: readonly Passage[], entities: EntityIndex): Completions {
    const counts = new Map<string, number>();
    for (const passage of passages) {
      for (const { word } of tokenSpans(passageText(passage))) {
        if (word.length < 4 || isStopWord(word) || /\d/u.test(word) || /^\p{Lu}/u.test(word)) continue;
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    const topics: [string, number][] = [...counts].filter(([, n]) => n >= 2 || passages.length < 500);
    for (const entity of entities.all()) topics.push([entity.name, entity.passageIds.length]);
    return Completions.fromCounts(topics);
  }

  /** For snapshots: the word index's pairs as numbers in label order (`fromCounts` takes it back). */
  wordOrder(): number[] {
    const numbers = new Map<string, number[]>();
    let next = 0;
    this.entries.forEach((entry, position) => {
      for (const word of entry.words) {
        const key = `${position}\u0000${word}`;
        const list = numbers.get(key);
        if (list) list.push(next++);
        else numbers.set(key, [next++]);
      }
    });
    return this.words.map(
      (word, i) => numbers.get(`${this.positions[i] as number}\u0000${word}`)?.shift() ?? 0,
    );
  }

  /** The labels with their counts, for snapshots (`fromCounts` restores them). */
  counts(): [string, number][] {
    return this.entries.map((e) => [e.label, e.count]);
  }

  /** Up to `limit` labels one of whose words starts with `typed` (all labels when empty), most frequent first. */
  complete(typed: string, limit: number): string[] {
    const query = foldAccents(typed.trim());
    const matches = (entry: Entry) =>
      query === "" || entry.folded.startsWith(query) || entry.words.some((w) => w.startsWith(query));
    const first = query.split(/[^\p{L}\p{N}]+/u).find((w) => w !== "") ?? "";
    const range = first === "" ? undefined : this.wordRange(first);
    // A short prefix matches so many labels that walking the frequency order ends sooner.
    if (range === undefined || range.end - range.start > SCAN_THRESHOLD) {
      const results: string[] = [];
      for (const entry of this.entries) {
        if (results.length >= limit) break;
        if (matches(entry)) results.push(entry.label);
      }
      return results;
    }
    const positions = new Set(this.positions.subarray(range.start, range.end));
    return [...positions]
      .sort((a, b) => a - b)
      .map((i) => this.entries[i] as Entry)
      .filter(matches)
      .slice(0, limit)
      .map((e) => e.label);
  }

  // Every word of every label, sorted, and the label's position of each.
  private readonly words: string[];
  private readonly positions: Int32Array;

  /** The range `[start, end)` of words that start with `prefix` (a binary search). */
  private wordRange(prefix: string): { start: number; end: number } {
    return { start: this.lowerBound(prefix), end: this.lowerBound(`${prefix}\u{10FFFF}`) };
  }

  private lowerBound(key: string): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.words[mid] as string) < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

// Stable: equal words keep their pairs' order (as the sort of pairs did).
function compareWords(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortsWords(order: readonly number[], words: readonly string[]): boolean {
  for (let i = 1; i < order.length; i++)
    if ((words[order[i - 1] as number] as string) > (words[order[i] as number] as string)) return false;
  return true;
}

function isPermutation(order: readonly number[], length: number): boolean {
  if (order.length !== length) return false;
  const seen = new Uint8Array(length);
  for (const i of order) {
    if (!Number.isInteger(i) || i < 0 || i >= length || seen[i]) return false;
    seen[i] = 1;
  }
  return true;
}

// No character above U+007F: nothing to fold but case.
const NON_ASCII = /[^ -~\t\n\r]/u;
function isAscii(label: string): boolean {
  return !NON_ASCII.test(label);
}

// The same order as String#localeCompare, without setting up a comparison per call.
const COLLATOR = new Intl.Collator();

const SCAN_THRESHOLD = 2_000;

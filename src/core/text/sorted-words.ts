/**
 * `[word, value]` pairs sorted by word, for finding by binary search every value
 * one of whose words starts with a prefix (entity names, completions).
 */
export class SortedWords<T> {
  private readonly pairs: [string, T][];

  constructor(pairs: [string, T][]) {
    this.pairs = isSorted(pairs) ? pairs : pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** The pairs in their sorted order (what the constructor is given back, to skip sorting). */
  entries(): readonly [string, T][] {
    return this.pairs;
  }

  /** The range `[start, end)` of pairs whose word starts with `prefix`. */
  range(prefix: string): { start: number; end: number } {
    return { start: this.lowerBound(prefix), end: this.lowerBound(`${prefix}\u{10FFFF}`) };
  }

  /** The values of a range given by `range`, in word order (a value may repeat). */
  values(range: { start: number; end: number }): T[] {
    return this.pairs.slice(range.start, range.end).map((pair) => pair[1]);
  }

  private lowerBound(key: string): number {
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.pairs[mid] as [string, T])[0] < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

// Pairs given in order (a snapshot's) need no sort: checking is one pass, sorting many comparisons.
function isSorted(pairs: readonly [string, unknown][]): boolean {
  for (let i = 1; i < pairs.length; i++)
    if ((pairs[i - 1] as [string, unknown])[0] > (pairs[i] as [string, unknown])[0]) return false;
  return true;
}

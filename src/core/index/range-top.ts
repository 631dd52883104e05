/** A sub-range `[from, to)` and its best position. */
type Span = [best: number, from: number, to: number];

/**
 * The positions of a range of an array in ascending order of their values, read
 * one at a time: the k smallest of a range of n cost O(k log n), not a sort of
 * the n. A segment tree keeps each node's smallest position (ties: the earlier
 * position); a heap of sub-ranges, keyed by their smallest value, gives them out
 * in order (each taken position splits its range in two).
 */
export class RangeTop {
  private readonly size: number;
  // tree[size + i] = i; tree[p] = the better of tree[2p] and tree[2p + 1].
  private readonly tree: Int32Array;

  /** `values[i]` orders position i (smaller first; equal values by position). */
  constructor(private readonly values: Int32Array) {
    const size = values.length;
    this.size = size;
    this.tree = new Int32Array(Math.max(2 * size, 1));
    for (let i = 0; i < size; i++) this.tree[size + i] = i;
    for (let p = size - 1; p > 0; p--)
      this.tree[p] = this.better(this.tree[2 * p] as number, this.tree[2 * p + 1] as number);
  }

  /** Positions in `[start, end)`, smallest value first (ties: the earlier position first). */
  *ascending(start: number, end: number): Generator<number> {
    // A binary heap of sub-ranges [best position, from, to), the best of the bests on top.
    const heap: Span[] = [];
    const first = (i: number) => (heap[i] as Span)[0];
    const swap = (i: number, j: number) => {
      const kept = heap[i] as Span;
      heap[i] = heap[j] as Span;
      heap[j] = kept;
    };
    const push = (from: number, to: number) => {
      if (from >= to) return;
      heap.push([this.best(from, to), from, to]);
      for (let child = heap.length - 1; child > 0; ) {
        const parent = (child - 1) >> 1;
        if (!this.before(first(child), first(parent))) break;
        swap(child, parent);
        child = parent;
      }
    };
    push(Math.max(0, start), Math.min(this.size, end));
    while (heap.length > 0) {
      const [position, from, to] = heap[0] as Span;
      const last = heap.pop() as Span;
      if (heap.length > 0) {
        heap[0] = last;
        for (let parent = 0; ; ) {
          const left = 2 * parent + 1;
          let top = parent;
          if (left < heap.length && this.before(first(left), first(top))) top = left;
          if (left + 1 < heap.length && this.before(first(left + 1), first(top))) top = left + 1;
          if (top === parent) break;
          swap(top, parent);
          parent = top;
        }
      }
      yield position;
      push(from, position);
      push(position + 1, to);
    }
  }

  /** The best position of `[from, to)` (not empty). */
  private best(from: number, to: number): number {
    let found = -1;
    let low = from + this.size;
    let high = to + this.size;
    while (low < high) {
      if (low & 1) {
        const candidate = this.tree[low++] as number;
        found = found < 0 ? candidate : this.better(found, candidate);
      }
      if (high & 1) {
        const candidate = this.tree[--high] as number;
        found = found < 0 ? candidate : this.better(found, candidate);
      }
      low >>= 1;
      high >>= 1;
    }
    return found;
  }

  private before(a: number, b: number): boolean {
    const va = this.values[a] as number;
    const vb = this.values[b] as number;
    return va < vb || (va === vb && a < b);
  }

  private better(a: number, b: number): number {
    return this.before(a, b) ? a : b;
  }
}

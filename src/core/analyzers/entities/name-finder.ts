import { RangeTop } from "../../index/range-top.js";
import { foldAccents, foldedWords } from "../../text/terms.js";

/** What the finder needs of an entity: its forms (name first, then aliases) and how often it is mentioned. */
export interface NamedThing {
  forms: readonly string[];
  mentions: number;
}

/** How well typed words match a name: 3 a whole form, 2 every word a word of one form, 1 every word starts one, 0 none. */
export type MatchScore = 0 | 1 | 2 | 3;

/**
 * Finds entities by what a user typed, best first: a whole form, then every
 * typed word a word of one form, then every typed word the start of one; within
 * each, the most mentioned first, then the earlier entity. The top few are read
 * without scoring every entity a short or common word matches ("s", "inc"): the
 * (word, entity) pairs are sorted by word, and a range of them (the words a typed
 * word starts, or equals) is read most mentioned first (see `RangeTop`).
 */
export class NameFinder {
  /** The folded words of each form of each entity, by entity position. */
  readonly forms: string[][][];
  private readonly words: string[];
  private readonly owners: Int32Array;
  private readonly top: RangeTop;
  private readonly byForm = new Map<string, number[]>();
  /** Entity position → its place in the order "most mentioned first, then by position". */
  private readonly rank: Int32Array;

  /** `wordOrder` is a saved `wordOrder()` of the same entities (skips sorting the words again). */
  constructor(things: readonly NamedThing[], wordOrder?: readonly number[]) {
    this.forms = things.map((thing) => thing.forms.map(nameWords));
    const byRank = Array.from(things.keys()).sort(
      (a, b) => (things[b] as NamedThing).mentions - (things[a] as NamedThing).mentions || a - b,
    );
    this.rank = new Int32Array(things.length);
    byRank.forEach((position, rank) => {
      this.rank[position] = rank;
    });
    for (const position of byRank) {
      for (const words of this.forms[position] as string[][]) {
        const key = words.join(" ");
        const list = this.byForm.get(key);
        if (!list) this.byForm.set(key, [position]);
        else if (list.at(-1) !== position) list.push(position);
      }
    }
    const pairWords: string[] = [];
    const pairOwners: number[] = [];
    this.forms.forEach((forms, position) => {
      for (const word of new Set(forms.flat())) {
        pairWords.push(word);
        pairOwners.push(position);
      }
    });
    const order =
      wordOrder && isSortedPermutation(wordOrder, pairWords)
        ? wordOrder
        : Array.from(pairWords.keys()).sort(
            (a, b) => compare(pairWords[a] as string, pairWords[b] as string) || a - b,
          );
    this.savedOrder = order;
    this.words = order.map((i) => pairWords[i] as string);
    this.owners = Int32Array.from(order, (i) => pairOwners[i] as number);
    this.top = new RangeTop(Int32Array.from(this.owners, (owner) => this.rank[owner] as number));
  }

  private readonly savedOrder: readonly number[];

  /** The sorted order of the (word, entity) pairs, to give back to the constructor (snapshots). */
  wordOrder(): readonly number[] {
    return this.savedOrder;
  }

  /** The entities one of whose forms is exactly these words, most mentioned first. */
  withForm(words: readonly string[]): readonly number[] {
    return this.byForm.get(words.join(" ")) ?? [];
  }

  /**
   * The best `limit` entity positions for typed words (see the class), those
   * `accept` refuses skipped; all of them, ranked, when `limit` is Infinity.
   */
  find(
    words: readonly string[],
    limit: number,
    accept: (position: number) => boolean = () => true,
  ): number[] {
    if (words.length === 0 || limit <= 0) return [];
    const found: number[] = [];
    for (const position of this.withForm(words)) {
      if (found.length >= limit) return found;
      if (accept(position)) found.push(position);
    }
    // A whole-word match has each typed word as a word: the fewest pairs of any one of them hold them all.
    this.collect(words, 2, this.narrowest(words, true), limit, accept, found);
    this.collect(words, 1, this.narrowest(words, false), limit, accept, found);
    return found;
  }

  /** How well typed words match an entity's forms. */
  score(words: readonly string[], position: number): MatchScore {
    return matchScore(words, this.forms[position] ?? []);
  }

  private collect(
    words: readonly string[],
    tier: MatchScore,
    range: { start: number; end: number },
    limit: number,
    accept: (position: number) => boolean,
    found: number[],
  ): void {
    if (found.length >= limit) return;
    const seen = new Set<number>();
    for (const pair of this.top.ascending(range.start, range.end)) {
      const position = this.owners[pair] as number;
      if (seen.has(position)) continue;
      seen.add(position);
      if (this.score(words, position) !== tier || !accept(position)) continue;
      found.push(position);
      if (found.length >= limit) return;
    }
  }

  /** The smallest range of pairs whose word equals (exact) or starts with one of the typed words. */
  private narrowest(words: readonly string[], exact: boolean): { start: number; end: number } {
    let best = { start: 0, end: 0 };
    words.forEach((word, i) => {
      const start = this.lowerBound(word);
      const end = this.lowerBound(exact ? `${word}\u0000` : `${word}\u{10FFFF}`);
      if (i === 0 || end - start < best.end - best.start) best = { start, end };
    });
    return best;
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

/** The folded words of a name: "Díaz-Canel" → ["diaz", "canel"]. */
export function nameWords(text: string): string[] {
  // Plain ASCII has nothing to fold but case (the common case; normalising is not free).
  const folded = isAscii(text) ? text.toLowerCase() : foldAccents(text);
  return foldedWords(folded);
}

/** How well typed words match a thing's forms (each form as its folded words). */
export function matchScore(query: readonly string[], forms: readonly (readonly string[])[]): MatchScore {
  const wanted = query.join(" ");
  let best: MatchScore = 0;
  for (const words of forms) {
    if (words.join(" ") === wanted) return 3;
    const all = query.every((q) => words.some((w) => w === q));
    const prefix = query.every((q) => words.some((w) => w.startsWith(q)));
    best = Math.max(best, all ? 2 : prefix ? 1 : 0) as MatchScore;
  }
  return best;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isSortedPermutation(order: readonly number[], words: readonly string[]): boolean {
  if (order.length !== words.length) return false;
  const seen = new Uint8Array(words.length);
  for (let i = 0; i < order.length; i++) {
    const at = order[i] as number;
    if (!Number.isInteger(at) || at < 0 || at >= words.length || seen[at]) return false;
    seen[at] = 1;
    if (i > 0 && (words[order[i - 1] as number] as string) > (words[at] as string)) return false;
  }
  return true;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

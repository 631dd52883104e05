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
  // The folded words of each entity's forms, made when first scored.
  private readonly formWords: (string[][] | undefined)[];
  private readonly top: RangeTop;

  private constructor(
    private readonly things: readonly NamedThing[],
    private readonly parts: FinderParts,
  ) {
    this.formWords = new Array(things.length);
    const { owners, rank } = parts;
    this.top = new RangeTop(mapped(owners, (owner) => rank[owner] as number));
  }

  /** Builds the finder of these entities (by position). */
  static build(things: readonly NamedThing[]): NameFinder {
    const forms = things.map((thing) => thing.forms.map(nameWords));
    const byRank = Array.from(things.keys()).sort(
      (a, b) => (things[b] as NamedThing).mentions - (things[a] as NamedThing).mentions || a - b,
    );
    const rank = new Int32Array(things.length);
    byRank.forEach((position, place) => {
      rank[position] = place;
    });
    // Each form's key with the entities that have it, most mentioned first.
    const byForm = new Map<string, number[]>();
    for (const position of byRank) {
      for (const words of forms[position] as string[][]) {
        const key = words.join(" ");
        const list = byForm.get(key);
        if (!list) byForm.set(key, [position]);
        else if (list.at(-1) !== position) list.push(position);
      }
    }
    const formKeys = [...byForm.keys()].sort(compare);
    const formStarts = new Int32Array(formKeys.length + 1);
    const formOwners: number[] = [];
    formKeys.forEach((key, i) => {
      formOwners.push(...(byForm.get(key) as number[]));
      formStarts[i + 1] = formOwners.length;
    });
    const pairWords: string[] = [];
    const pairOwners: number[] = [];
    forms.forEach((list, position) => {
      for (const word of new Set(list.flat())) {
        pairWords.push(word);
        pairOwners.push(position);
      }
    });
    const order = Array.from(pairWords.keys()).sort(
      (a, b) => compare(pairWords[a] as string, pairWords[b] as string) || a - b,
    );
    const finder = new NameFinder(things, {
      words: order.map((i) => pairWords[i] as string),
      owners: mapped(order, (i) => pairOwners[i] as number),
      rank,
      formKeys,
      formStarts,
      formOwners: Int32Array.from(formOwners),
    });
    forms.forEach((list, position) => {
      finder.formWords[position] = list;
    });
    return finder;
  }

  /**
   * Restores a finder saved by `toJSON` for the same entities; undefined when the
   * saved data does not fit them (then `build` again).
   */
  static fromJSON(things: readonly NamedThing[], data: NameFinderJSON | undefined): NameFinder | undefined {
    if (!data || typeof data.words !== "string" || typeof data.formKeys !== "string") return undefined;
    const words = data.words === "" ? [] : data.words.split("\n");
    const formKeys = data.formKeys === "" ? [] : data.formKeys.split("\n");
    const n = things.length;
    const inRange = (values: readonly number[], limit: number) =>
      Array.isArray(values) && values.every((v) => Number.isInteger(v) && v >= 0 && v < limit);
    if (
      words.length !== data.owners?.length ||
      !inRange(data.owners, n) ||
      data.rank?.length !== n ||
      !inRange(data.rank, n) ||
      data.formStarts?.length !== formKeys.length + 1 ||
      !inRange(data.formOwners, n) ||
      !inRange(data.formStarts, (data.formOwners?.length ?? 0) + 1) ||
      !isSorted(words) ||
      !isSorted(formKeys)
    ) {
      return undefined;
    }
    return new NameFinder(things, {
      words,
      owners: Int32Array.from(data.owners),
      rank: Int32Array.from(data.rank),
      formKeys,
      formStarts: Int32Array.from(data.formStarts),
      formOwners: Int32Array.from(data.formOwners),
    });
  }

  /** Plain data for snapshots (`fromJSON` takes it back): nothing to sort or split again at start. */
  toJSON(): NameFinderJSON {
    const { words, owners, rank, formKeys, formStarts, formOwners } = this.parts;
    return {
      words: words.join("\n"),
      owners: Array.from(owners),
      rank: Array.from(rank),
      formKeys: formKeys.join("\n"),
      formStarts: Array.from(formStarts),
      formOwners: Array.from(formOwners),
    };
  }

  /** The entities one of whose forms is exactly these words, most mentioned first. */
  withForm(words: readonly string[]): readonly number[] {
    const { formKeys, formStarts, formOwners } = this.parts;
    const key = words.join(" ");
    const at = lowerBound(formKeys, key);
    if (formKeys[at] !== key) return [];
    return Array.from(formOwners.subarray(formStarts[at], formStarts[at + 1]));
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
    // The entities of the whole-word range are read again among the word starts: scored once.
    const scored = new Map<number, MatchScore>();
    const score = (position: number): MatchScore => {
      let known = scored.get(position);
      if (known === undefined) {
        known = this.score(words, position);
        scored.set(position, known);
      }
      return known;
    };
    this.collect(score, 2, this.narrowest(words, true), limit, accept, found);
    this.collect(score, 1, this.narrowest(words, false), limit, accept, found);
    return found;
  }

  /** How well typed words match an entity's forms. */
  score(words: readonly string[], position: number): MatchScore {
    let forms = this.formWords[position];
    if (!forms) {
      forms = (this.things[position]?.forms ?? []).map(nameWords);
      this.formWords[position] = forms;
    }
    return matchScore(words, forms);
  }

  private collect(
    score: (position: number) => MatchScore,
    tier: MatchScore,
    range: { start: number; end: number },
    limit: number,
    accept: (position: number) => boolean,
    found: number[],
  ): void {
    if (found.length >= limit) return;
    if (range.end - range.start > limit) {
      this.collectSome(score, tier, range, limit, accept, found);
      return;
    }
    // Every pair of the range is read anyway: the entities sorted by rank give the same order
    // as reading the pairs most mentioned first, without a heap step per pair.
    const { owners, rank } = this.parts;
    const seen = new Set<number>();
    const matching: number[] = [];
    for (let pair = range.start; pair < range.end; pair++) {
      const position = owners[pair] as number;
      if (seen.has(position)) continue;
      seen.add(position);
      if (score(position) === tier && accept(position)) matching.push(position);
    }
    matching.sort((a, b) => (rank[a] as number) - (rank[b] as number));
    for (const position of matching) {
      found.push(position);
      if (found.length >= limit) return;
    }
  }

  /** `collect` for a range with more pairs than wanted: read most mentioned first, stopping at `limit`. */
  private collectSome(
    score: (position: number) => MatchScore,
    tier: MatchScore,
    range: { start: number; end: number },
    limit: number,
    accept: (position: number) => boolean,
    found: number[],
  ): void {
    const seen = new Set<number>();
    for (const pair of this.top.ascending(range.start, range.end)) {
      const position = this.parts.owners[pair] as number;
      if (seen.has(position)) continue;
      seen.add(position);
      if (score(position) !== tier || !accept(position)) continue;
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
    return lowerBound(this.parts.words, key);
  }
}

/** What a finder is made of: the (word, entity) pairs sorted by word, ranks, and forms sorted by key. */
interface FinderParts {
  words: string[];
  owners: Int32Array;
  /** Entity position → its place in the order "most mentioned first, then by position". */
  rank: Int32Array;
  /** Every form's words joined by a space, sorted; the entities of `formKeys[i]` are `formOwners[formStarts[i] … formStarts[i + 1])`, most mentioned first. */
  formKeys: string[];
  formStarts: Int32Array;
  formOwners: Int32Array;
}

/** A NameFinder as plain data (lists of strings joined by newlines, which no word contains). */
export interface NameFinderJSON {
  words: string;
  owners: number[];
  rank: number[];
  formKeys: string;
  formStarts: number[];
  formOwners: number[];
}

/** `Int32Array.from(values, map)` without its slow path (a mapping function makes it generic). */
export function mapped(values: ArrayLike<number>, map: (value: number) => number): Int32Array {
  const result = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) result[i] = map(values[i] as number);
  return result;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isSorted(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i - 1] as string) > (values[i] as string)) return false;
  return true;
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

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

import type { EntityIndex } from "../analyzers/entities/entity-index.js";
import { SortedWords } from "../text/sorted-words.js";
import { foldAccents, isStopWord, tokenSpans } from "../text/terms.js";
import { type Passage, passageText } from "./passages.js";

interface Entry {
  label: string;
  /** Folded words of the label; a suggestion matches when one of them starts with what was typed. */
  words: string[];
  folded: string;
  count: number;
}

/** Suggestions for autocomplete, most frequent first, matched by word prefix. */
export class Completions {
  private constructor(private readonly entries: Entry[]) {}

  /** From labels and how often each occurs. */
  static fromCounts(counts: Iterable<[string, number]>): Completions {
    const entries: Entry[] = [];
    for (const [label, count] of counts) {
      const folded = foldAccents(label);
      entries.push({ label: label.slice(0, 100), folded, words: folded.split(/[^\p{L}\p{N}]+/u), count });
    }
    entries.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return new Completions(entries);
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
    const positions = new Set(this.wordIndex().values(range));
    return [...positions]
      .sort((a, b) => a - b)
      .map((i) => this.entries[i] as Entry)
      .filter(matches)
      .slice(0, limit)
      .map((e) => e.label);
  }

  // Every word of every label with the label's position, built on the first completion.
  private byWord: SortedWords<number> | undefined;

  private wordRange(prefix: string): { start: number; end: number } {
    return this.wordIndex().range(prefix);
  }

  private wordIndex(): SortedWords<number> {
    this.byWord ??= new SortedWords(
      this.entries.flatMap((entry, position) =>
        entry.words.filter((w) => w !== "").map((w): [string, number] => [w, position]),
      ),
    );
    return this.byWord;
  }
}

const SCAN_THRESHOLD = 2_000;

import type { Answer } from "../core/answer.js";
import type { Engine } from "../core/engine.js";
import type { Invocation } from "../core/invocation.js";

/** What an answer depends on: the command and its options, not who asked or where. */
export type Question = Pick<Invocation, "command" | "args">;

/** Hits and misses so far, for `/metrics` and the benchmark. */
export interface AnswerCacheStats {
  hits: number;
  misses: number;
  entries: number;
}

/**
 * The most recent answers of one engine, least recently used evicted first.
 *
 * An answer depends only on the engine and the question (the engine is immutable
 * and answers are deterministic), so a repeated question — the Next/Previous
 * buttons re-ask it for every page, and a channel asks about the same story again
 * and again — is answered from here. A reload swaps in a new engine, which empties
 * the cache: no answer ever outlives the corpus it came from. Answers are frozen
 * so no caller can change what the next one gets.
 */
export class AnswerCache {
  private entries = new Map<string, Answer>();
  private engine: Engine | undefined;
  private hits = 0;
  private misses = 0;

  /** `maxEntries` 0 turns the cache off; `onLookup` hears of every hit and miss (metrics). */
  constructor(
    readonly maxEntries: number,
    private readonly onLookup: (hit: boolean) => void = () => {},
  ) {}

  /**
   * The cached answer to a question on this engine, or the one `answer` gives (then
   * cached). The question is a command's name and its checked options.
   */
  get(engine: Engine, question: Question, answer: () => Answer): Answer {
    if (this.maxEntries <= 0) return answer();
    if (engine !== this.engine) {
      this.entries.clear();
      this.engine = engine;
    }
    const key = keyOf(question);
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.onLookup(true);
      // Re-inserting moves the entry to the end: Map order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.misses++;
    this.onLookup(false);
    const fresh = deepFreeze(answer());
    this.entries.set(key, fresh);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return fresh;
  }

  /** Counts so far. */
  get stats(): AnswerCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size };
  }
}

// Who asks and where does not change the answer; the command and its options do.
function keyOf(question: Question): string {
  const args = Object.keys(question.args)
    .sort()
    .map((name) => [name, question.args[name]]);
  return JSON.stringify([question.command, args]);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

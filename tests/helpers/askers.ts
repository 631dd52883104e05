import { setTimeout as delay } from "node:timers/promises";
import type { Answer, Item } from "../../src/core/answer.js";
import type { Invocation } from "../../src/core/invocation.js";
import type { Asker } from "../../src/service/asker.js";

/** The one recording asker: records every invocation asked, in order, and lets a test swap the behaviour behind it (one bot shared by a whole file). */
export interface RecordingAsker extends Asker {
  /** Every invocation asked, in order. */
  readonly asked: Invocation[];
  use(asker: Asker): void;
}

export function recordingAsker(initial: Asker): RecordingAsker {
  let current = initial;
  const asked: Invocation[] = [];
  return {
    asked,
    use: (asker) => {
      current = asker;
    },
    ask: (invocation) => {
      asked.push(invocation);
      return current.ask(invocation);
    },
    complete: (source, typed) => current.complete(source, typed),
  };
}

/** Answers like `inner`, `ms` later: an engine busy with a large corpus. */
export function slowAsker(inner: Asker, ms: number): Asker {
  return {
    ask: async (invocation) => {
      await delay(ms);
      return inner.ask(invocation);
    },
    complete: (source, typed) => inner.complete(source, typed),
  };
}

/** An Asker that holds every answer until the test releases it. */
export interface GatedAsker extends Asker {
  /** How many questions are waiting for `release`. */
  readonly waiting: number;
  /** Lets every held question (and any later one) be answered. */
  release(): void;
}

/**
 * Answers like `inner`, but only once released: "acknowledged before the answer was
 * ready" is then shown by order of events, with no wall-clock bound a loaded machine can break.
 */
export function gatedAsker(inner: Asker): GatedAsker {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let waiting = 0;
  return {
    get waiting() {
      return waiting;
    },
    release: () => open(),
    ask: async (invocation) => {
      waiting += 1;
      await gate;
      waiting -= 1;
      return inner.ask(invocation);
    },
    complete: (source, typed) => inner.complete(source, typed),
  };
}

/** Rejects every question with `error` (after `ms`). */
export function failingAsker(inner: Asker, error: unknown, ms = 0): Asker {
  return {
    ask: async () => {
      if (ms > 0) await delay(ms);
      throw error;
    },
    complete: (source, typed) => inner.complete(source, typed),
  };
}

/**
 * An answer of `count` numbered items for any question (`/search`), each from one of
 * five articles, so paging has several pages; the query echoes the arguments.
 */
export function manyItemsAsker(count: number, inner?: Asker): Asker {
  return {
    ask: async (invocation) => manyItemsAnswer(invocation, count),
    complete: (source, typed) => inner?.complete(source, typed) ?? [],
  };
}

/** The answer `manyItemsAsker` gives. */
export function manyItemsAnswer(invocation: Invocation, count: number): Answer {
  const query = Object.values(invocation.args).join(" ");
  const items: Item[] = Array.from({ length: count }, (_, i) => ({
    text: `Excerpt number ${i + 1} about ${query.slice(0, 40)}, verbatim from the article.`,
    citation: {
      docId: `doc-${i % 5}`,
      title: `Article ${i % 5}`,
      paragraph: i + 1,
      published: "2025-01-27",
      url: `https://news.example/articles/${i % 5}`,
    },
  }));
  return { command: invocation.command, query, title: `Search: ${query}`, items };
}

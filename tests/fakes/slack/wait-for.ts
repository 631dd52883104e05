import { EventEmitter } from "node:events";

/**
 * A list that tests can wait on: `push` records an entry, `waitFor` resolves with the
 * first entry matching a predicate (already there or yet to come), or rejects after
 * a bounded time naming what it waited for.
 */
export class Recorded<T> {
  readonly entries: T[] = [];
  private readonly events = new EventEmitter();

  push(entry: T): void {
    this.entries.push(entry);
    this.events.emit("entry", entry);
  }

  waitFor(predicate: (entry: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
    const found = this.entries.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onEntry = (entry: T) => {
        if (!predicate(entry)) return;
        clearTimeout(timer);
        this.events.off("entry", onEntry);
        resolve(entry);
      };
      const timer = setTimeout(() => {
        this.events.off("entry", onEntry);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.events.on("entry", onEntry);
    });
  }
}

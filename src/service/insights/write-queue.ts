/** What became of one queued write. */
export type WriteResult = "ok" | "failed" | "dropped";

/** Options of {@link WriteQueue}. */
export interface WriteQueueOptions {
  /** Writes waiting at most; one more is dropped (the database is too slow or down). */
  capacity: number;
  /** Told about every write once it is done, failed or dropped. */
  onResult(result: WriteResult, error?: unknown): void;
}

/**
 * Fire-and-forget writes, one at a time, behind a bounded queue: a caller never waits for the
 * database, and a database that is down or slow costs at most `capacity` pending writes in
 * memory, never an answer.
 */
export class WriteQueue {
  private readonly pending: (() => Promise<unknown>)[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly options: WriteQueueOptions) {}

  /** Queues a write; false when the queue is full and it was dropped. */
  push(write: () => Promise<unknown>): boolean {
    if (this.pending.length >= this.options.capacity) {
      this.options.onResult("dropped");
      return false;
    }
    this.pending.push(write);
    this.running ??= this.drain();
    return true;
  }

  /** Writes waiting or running now. */
  get size(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  /** Resolves once every write queued so far is done (or failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (let write = this.pending.shift(); write; write = this.pending.shift()) {
      try {
        await write();
        this.options.onResult("ok");
      } catch (error) {
        this.options.onResult("failed", error);
      }
    }
    this.running = undefined;
  }
}

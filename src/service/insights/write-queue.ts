/** What became of one queued write. */
export type WriteResult = "ok" | "failed" | "dropped";

/** Options of {@link WriteQueue}. */
export interface WriteQueueOptions<T> {
  /** Writes waiting or being written at most; one more is dropped (the database is too slow or down). */
  capacity: number;
  /** Writes stored together, in one transaction, at most (default 100). */
  maxBatch?: number;
  /**
   * How long the first write of a batch waits for others to join it, ms (default 0: the next
   * turn of the event loop). A full batch, or a call to flush, ends the wait at once.
   */
  gatherMs?: number;
  /** Stores several records at once: all of them, or none (it rejects). */
  writeBatch(records: T[]): Promise<unknown>;
  /** Told about every write once it is done, failed or dropped. */
  onResult(result: WriteResult, error?: unknown): void;
}

const DEFAULT_MAX_BATCH = 100;

/**
 * Fire-and-forget writes behind a bounded queue: a caller never waits for the database, and a
 * database that is down or slow costs at most `capacity` pending records in memory, never an
 * answer. Nothing is written in the caller's turn of the event loop (the answer goes out
 * first); what was queued meanwhile (`gatherMs`) is stored in batches, one transaction each,
 * so a busy server commits once per batch rather than once per question. A batch that fails is retried
 * one record at a time, so one bad record loses only itself.
 */
export class WriteQueue<T> {
  private readonly pending: T[] = [];
  private running: Promise<void> | undefined;
  private inBatch = 0;
  private readonly maxBatch: number;
  /** Ends the current gathering wait early (a full batch, or someone waiting on flush). */
  private stopGathering: (() => void) | undefined;

  constructor(private readonly options: WriteQueueOptions<T>) {
    this.maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH);
  }

  /** Queues a record; false when the queue is full and it was dropped. */
  push(record: T): boolean {
    if (this.size >= this.options.capacity) {
      this.options.onResult("dropped");
      return false;
    }
    this.pending.push(record);
    this.running ??= this.drain();
    if (this.pending.length >= this.maxBatch) this.stopGathering?.();
    return true;
  }

  /** Records waiting or being written now. */
  get size(): number {
    return this.pending.length + this.inBatch;
  }

  /** Writes what is queued now, without waiting out the gathering time; resolves once all is written (or failed). */
  async flush(): Promise<void> {
    while (this.running) {
      this.stopGathering?.();
      await this.running;
    }
  }

  private async drain(): Promise<void> {
    // After the caller's turn: whatever else is queued meanwhile joins the same batch.
    const gatherMs = this.options.gatherMs ?? 0;
    await new Promise<void>((resolve) => {
      const timer = gatherMs > 0 ? setTimeout(resolve, gatherMs) : setImmediate(resolve);
      this.stopGathering = () => {
        if (gatherMs > 0) clearTimeout(timer as NodeJS.Timeout);
        else clearImmediate(timer as NodeJS.Immediate);
        resolve();
      };
    });
    this.stopGathering = undefined;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      this.inBatch = batch.length;
      await this.write(batch);
      this.inBatch = 0;
    }
    this.running = undefined;
  }

  private async write(batch: T[]): Promise<void> {
    try {
      await this.options.writeBatch(batch);
      for (let i = 0; i < batch.length; i++) this.options.onResult("ok");
      return;
    } catch (error) {
      if (batch.length === 1) {
        this.options.onResult("failed", error);
        return;
      }
    }
    for (const record of batch) {
      try {
        await this.options.writeBatch([record]);
        this.options.onResult("ok");
      } catch (error) {
        this.options.onResult("failed", error);
      }
    }
  }
}

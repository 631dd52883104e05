/** Counts work in progress and tells when none is left. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  /** Work in progress now. */
  get size(): number {
    return this.count;
  }

  /** Runs `work`, counted while it is pending. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) this.wakeWaiters();
    }
  }

  /** Resolves once nothing is in progress (at once when idle). */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

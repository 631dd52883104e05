/**
 * Politeness per host: requests to one host start at least `gapMs` apart, whoever asks
 * (a feed and its pages, two feeds of one site). Other hosts are not held up.
 */
export class HostPacer {
  private readonly next = new Map<string, number>();

  constructor(private readonly gapMs: number) {}

  /** Resolves when a request to `host` may start, and books the slot after it. */
  async wait(host: string): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.gapMs);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}

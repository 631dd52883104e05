/** Where a transport is in its life. */
export type TransportState = "starting" | "ready" | "failed" | "stopped";

/** A transport's state, with why when it failed. */
export interface TransportReport {
  name: string;
  state: TransportState;
  detail?: string;
}

/** The state of each running transport, for `/readyz`. */
export class TransportStatus {
  private readonly states = new Map<string, TransportReport>();

  /** Records the state of a transport. */
  set(name: string, state: TransportState, detail?: string): void {
    this.states.set(name, detail === undefined ? { name, state } : { name, state, detail });
  }

  /** Every transport's report, in the order they were first recorded. */
  list(): TransportReport[] {
    return [...this.states.values()];
  }

  /** Whether every transport is ready. */
  allReady(): boolean {
    return this.list().every((t) => t.state === "ready");
  }
}

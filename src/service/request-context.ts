import { AsyncLocalStorage } from "node:async_hooks";
import { randomToken } from "./random-pool.js";

/** What is known about the request being served, wherever the code runs. */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A new request id: 16 hex characters, unique enough to follow one request through the logs. */
export function newRequestId(): string {
  return randomToken(8, "hex");
}

/** Runs `work` with a request id that `currentRequestId()` returns anywhere inside it. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** The id of the request being served, when inside `withRequestId`. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

import type { Invocation } from "../../../src/core/invocation.js";
import type { Asker } from "../../../src/service/asker.js";

/** An Asker that records every invocation before passing it on. */
export interface CountingAsker extends Asker {
  invocations: Invocation[];
}

/** Wraps an Asker to record what it is asked. */
export function countingAsker(inner: Asker): CountingAsker {
  const invocations: Invocation[] = [];
  return {
    invocations,
    ask: (invocation) => {
      invocations.push(invocation);
      return inner.ask(invocation);
    },
    complete: (source, typed) => inner.complete(source, typed),
  };
}

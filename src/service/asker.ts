import { answerChecked, resolveInvocation } from "../../commands/dispatch.js";
import type { Answer } from "../core/answer.js";
import type { CompletionSource } from "../core/engine.js";
import type { EngineSource } from "../core/engine-source.js";
import type { Invocation } from "../core/invocation.js";
import type { AnswerCache } from "./answer-cache.js";

/**
 * What every adapter (Discord, Slack, CLI, web) calls to answer. Adapters never
 * touch the engine: the service wraps an Asker with rate limits, metrics and logs.
 */
export interface Asker {
  /** Answers an invocation; rejects with a BackstoryError for bad input or limits. */
  ask(invocation: Invocation): Promise<Answer>;
  /** Autocomplete suggestions (≤ 25, each ≤ 100 characters). */
  complete(source: CompletionSource, typed: string): string[];
}

/**
 * The plain Asker: dispatches through the command table on the current engine,
 * through an answer cache when given one (see AnswerCache).
 */
export function createAsker(engines: EngineSource, cache?: AnswerCache): Asker {
  return {
    ask: async (invocation) => {
      const engine = engines.current();
      const { command, args } = resolveInvocation(invocation);
      if (!cache) return answerChecked(command, args, { engine });
      // Keyed on the checked options (each at most 500 characters), never on raw input of any size.
      return cache.get(engine, { command: command.name, args }, () =>
        answerChecked(command, args, { engine }),
      );
    },
    complete: (source, typed) => engines.current().complete(source, typed, 25),
  };
}

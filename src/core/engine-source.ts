import type { Engine } from "./engine.js";

/**
 * Where the current engine comes from. A reload swaps in a new engine; holders
 * of the source always get the latest complete one, never a half-built one.
 */
export interface EngineSource {
  current(): Engine;
}

/** An engine source that always returns the same engine (CLI, tests). */
export function fixedEngine(engine: Engine): EngineSource {
  return { current: () => engine };
}

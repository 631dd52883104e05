import { type Engine, loadEngine } from "../../src/core/engine.js";
import { fixedEngine } from "../../src/core/engine-source.js";
import { type Asker, createAsker } from "../../src/service/asker.js";

import { SEED_CORPUS } from "./paths.js";

export { SEED_CORPUS };

let cached: Promise<Engine> | undefined;

/** The engine over the bundled seed corpus, built once per test file. */
export function seedEngine(): Promise<Engine> {
  cached ??= loadEngine(SEED_CORPUS);
  return cached;
}

/** An Asker over the seed corpus, as adapters get it. */
export async function seedAsker(): Promise<Asker> {
  return createAsker(fixedEngine(await seedEngine()));
}

import { fileURLToPath } from "node:url";

/** The bundled corpus folder. */
export const SEED_CORPUS = fileURLToPath(new URL("../../corpus", import.meta.url));

/** The shared data folder beside the project (Reuters, SemEval, Causal News Corpus). */
export const SHARED_DATA = fileURLToPath(new URL("../../../shared/data", import.meta.url));

/** The project's root folder. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

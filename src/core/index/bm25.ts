/**
 * MiniSearch 7's relevance formula, restated so that scores computed outside
 * it are bit-for-bit its own: BM25+ with its default parameters, and the same
 * operations in the same order (floating-point sums depend on the order).
 * Source: `calcBM25Score`, `termResults` and `executeQuerySpec` in
 * node_modules/minisearch/dist/es/index.js (7.2.0, pinned in package-lock.json).
 */

/** MiniSearch's `defaultBM25params`: term-frequency saturation k, length normalisation b, BM25+'s floor d. */
export const BM25 = Object.freeze({ k: 1.2, b: 0.7, d: 0.5 });

/** MiniSearch's `calcBM25Score`, verbatim. */
export function bm25(
  termFreq: number,
  matchingCount: number,
  totalCount: number,
  fieldLength: number,
  avgFieldLength: number,
): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return (
    invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)))
  );
}

/**
 * One field's contribution, as `termResults` computes it:
 * `termWeight * termBoost * fieldBoost * docBoost * rawScore`, left to right.
 * Our searches use neither term nor document boosts (both 1).
 */
export function weighted(termWeight: number, fieldBoost: number, rawScore: number): number {
  const termBoost = 1;
  const docBoost = 1;
  return termWeight * termBoost * fieldBoost * docBoost * rawScore;
}

/** The weight of a prefix match `derived` of a query term `distance` letters shorter. */
export function prefixWeight(prefixWeightOption: number, derived: string, distance: number): number {
  return (prefixWeightOption * derived.length) / (derived.length + 0.3 * distance);
}

/** The weight of a fuzzy match `derived` at an edit distance. */
export function fuzzyWeight(fuzzyWeightOption: number, derived: string, distance: number): number {
  return (fuzzyWeightOption * derived.length) / (derived.length + distance);
}

/** The largest edit distance a fuzzy term is searched with (`executeQuerySpec`). */
export function maxEditDistance(term: string, fuzzy: number, maxFuzzy: number): number {
  return fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy;
}

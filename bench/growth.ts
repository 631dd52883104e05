/** How a latency grows with corpus size. */
export interface GrowthPoint {
  documents: number;
  ms: number;
}

/**
 * The growth exponent between the smallest and the largest point: `k` such
 * that latency ∝ documents^k (1 = linear, below 1 = sub-linear, 0 = flat).
 * Undefined with fewer than two sizes or a non-positive figure.
 */
export function growthExponent(points: readonly GrowthPoint[]): number | undefined {
  const sorted = [...points]
    .filter((p) => p.documents > 0 && p.ms > 0)
    .sort((a, b) => a.documents - b.documents);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last || last.documents === first.documents) return undefined;
  return Math.log(last.ms / first.ms) / Math.log(last.documents / first.documents);
}

/**
 * Percentiles and summaries of latency samples. Pure functions: the unit tests
 * check them; the timings themselves live only in the benchmark's output.
 */

/** Distribution of a set of samples, in the samples' unit (milliseconds here). */
export interface Summary {
  /** Number of samples. */
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * The `p`-th percentile (0–100) of samples sorted ascending, by the nearest-rank
 * method: the smallest sample such that at least `p` % of the samples are ≤ it.
 * Always one of the samples, never an interpolation. Throws on no samples.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("percentile of no samples");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The median: the middle sample, or the mean of the two middle ones. Throws on no samples. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no samples");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Count, p50, p95, p99, max and mean of samples (any order). Throws on no samples. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError("summary of no samples");
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, v) => total + v, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
    mean: sum / sorted.length,
  };
}

/** A number rounded to `digits` decimals (for the JSON and the table). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A summary with every figure rounded. */
export function roundSummary(summary: Summary, digits = 3): Summary {
  return {
    n: summary.n,
    p50: round(summary.p50, digits),
    p95: round(summary.p95, digits),
    p99: round(summary.p99, digits),
    max: round(summary.max, digits),
    mean: round(summary.mean, digits),
  };
}

/**
 * `ours / baseline`, rounded; undefined when either is missing or the baseline is 0.
 * Below 1 means ours is smaller (faster, lighter) than the baseline.
 */
export function ratio(ours: number | undefined, baseline: number | undefined): number | undefined {
  if (ours === undefined || baseline === undefined || baseline === 0) return undefined;
  return round(ours / baseline, 3);
}

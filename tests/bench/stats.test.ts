import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../bench/args.js";
import { growthExponent } from "../../bench/growth.js";
import { repsFor } from "../../bench/measure-latency.js";
import { misspell, nonsenseWord, sample, seededRandom } from "../../bench/query-pick.js";
import { median, percentile, ratio, summarize } from "../../bench/stats.js";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("is the smallest sample with at least p % of the samples at or below it", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
  });

  it("is the maximum for p99 of fewer than 100 samples", () => {
    expect(percentile([1, 2, 3, 10], 99)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
  });

  it("refuses no samples and p outside 0–100", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("median and summarize", () => {
  it("takes the middle sample, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it("summarizes unsorted samples", () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(summarize(values)).toEqual({ n: 200, p50: 100, p95: 190, p99: 198, max: 200, mean: 100.5 });
  });

  it("does not reorder the caller's samples", () => {
    const values = [3, 1, 2];
    summarize(values);
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("ratio and growth", () => {
  it("divides ours by the baseline, or is undefined", () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(undefined, 4)).toBeUndefined();
    expect(ratio(1, 0)).toBeUndefined();
  });

  it("finds the exponent of latency ∝ documents^k", () => {
    expect(
      growthExponent([
        { documents: 1000, ms: 1 },
        { documents: 100_000, ms: 100 },
      ]),
    ).toBeCloseTo(1);
    expect(
      growthExponent([
        { documents: 100_000, ms: 10 },
        { documents: 1000, ms: 1 },
      ]),
    ).toBeCloseTo(0.5);
    expect(
      growthExponent([
        { documents: 1000, ms: 2 },
        { documents: 5000, ms: 2 },
      ]),
    ).toBeCloseTo(0);
    expect(growthExponent([{ documents: 1000, ms: 2 }])).toBeUndefined();
  });
});

describe("repsFor", () => {
  const plan = { budgetMs: 1000, minReps: 2, maxReps: 9 };

  it("runs as many passes as fit the budget, within the bounds", () => {
    expect(repsFor(250, plan)).toBe(4);
    expect(repsFor(1, plan)).toBe(9);
    expect(repsFor(5000, plan)).toBe(2);
    expect(repsFor(0, plan)).toBe(9);
  });
});

describe("the query generator's helpers", () => {
  it("are deterministic for a seed", () => {
    const draw = () => {
      const random = seededRandom(42);
      return [
        sample(random, ["a", "b", "c", "d", "e"], 3),
        misspell(random, "exchange"),
        nonsenseWord(random, 9),
      ];
    };
    expect(draw()).toEqual(draw());
  });

  it("samples without repeats and misspells by one edit, keeping the first letter", () => {
    const random = seededRandom(1);
    const picked = sample(random, [1, 2, 3, 4, 5, 6], 6);
    expect([...picked].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 0; i < 50; i++) {
      const typo = misspell(random, "interest");
      expect(typo).not.toBe("interest");
      expect(typo[0]).toBe("i");
      expect(Math.abs(typo.length - "interest".length)).toBeLessThanOrEqual(1);
    }
  });
});

describe("parseBenchArgs", () => {
  it("runs every size by default, and 100k alone when asked", () => {
    expect(parseBenchArgs([], {}).sizes).toEqual(["seed", "1k", "5k", "19k", "100k"]);
    expect(parseBenchArgs(["--sizes", "100k"], {}).sizes).toEqual(["100k"]);
  });

  it("shortens the HTTP runs with --quick or BENCH_HTTP_SECONDS", () => {
    expect(parseBenchArgs([], {}).http.durationSec).toBe(30);
    expect(parseBenchArgs(["--quick"], {}).http.durationSec).toBe(5);
    expect(parseBenchArgs([], { BENCH_HTTP_SECONDS: "12" }).http.durationSec).toBe(12);
  });

  it("refuses an unknown size or option", () => {
    expect(() => parseBenchArgs(["--sizes", "2k"], {})).toThrow(/Unknown size/u);
    expect(() => parseBenchArgs(["--fast"], {})).toThrow();
  });
});

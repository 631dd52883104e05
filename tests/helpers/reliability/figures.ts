import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("../../../test-artifacts/reliability", import.meta.url));

/**
 * Keeps the figures of a reliability test (cases run, outcomes) in
 * `test-artifacts/reliability/<file>.json`, from which docs/RELIABILITY.md is written.
 * The folder is git-ignored; writing never fails a test.
 */
export function recordFigures(file: string, test: string, figures: Record<string, unknown>): void {
  try {
    mkdirSync(DIR, { recursive: true });
    const path = join(DIR, `${file}.json`);
    let all: Record<string, unknown> = {};
    try {
      all = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    } catch {
      all = {};
    }
    all[test] = { ...figures, at: new Date().toISOString() };
    writeFileSync(path, `${JSON.stringify(all, null, 2)}\n`);
  } catch {
    // Figures are a by-product; the assertions are the test.
  }
}

/** Counts outcomes by name. */
export class Tally {
  readonly counts: Record<string, number> = {};

  add(outcome: string, by = 1): void {
    this.counts[outcome] = (this.counts[outcome] ?? 0) + by;
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, n) => sum + n, 0);
  }
}

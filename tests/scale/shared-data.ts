import { existsSync } from "node:fs";

/**
 * Whether a suite that reads the shared data should run: when the file is there,
 * and always under `CI`, where missing data must fail the run rather than skip it
 * green. Locally, a missing file skips the suite with a message saying why.
 */
export function runsWithSharedData(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI) return true;
  console.warn(`Skipping ${what}: ${path} is missing. Under CI this fails instead.`);
  return false;
}

/** Fails with a clear message when the shared data a running suite needs is missing (under CI). */
export function requireSharedData(path: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: the shared data must be beside the project (see ../shared/data/README).`,
    );
  }
}

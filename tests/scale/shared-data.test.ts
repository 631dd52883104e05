import { afterEach, describe, expect, it, vi } from "vitest";
import { SEED_CORPUS } from "../helpers/paths.js";
import { requireSharedData, runsWithSharedData } from "./shared-data.js";

const MISSING = "/nonexistent/shared/data/reuters21578.jsonl";

describe("data-dependent suites", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("GIVEN CI and the data missing THEN the suite runs, and fails naming the file", () => {
    vi.stubEnv("CI", "true");
    expect(runsWithSharedData(MISSING, "a suite")).toBe(true);
    expect(() => requireSharedData(MISSING)).toThrow(MISSING);
  });

  it("GIVEN no CI and the data missing THEN the suite is skipped, saying why", () => {
    vi.stubEnv("CI", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(runsWithSharedData(MISSING, "a suite")).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(MISSING));
  });

  it("GIVEN the data present THEN the suite runs", () => {
    expect(runsWithSharedData(SEED_CORPUS, "a suite")).toBe(true);
    expect(() => requireSharedData(SEED_CORPUS)).not.toThrow();
  });
});

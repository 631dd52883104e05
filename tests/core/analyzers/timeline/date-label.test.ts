import { describe, expect, it } from "vitest";
import { coarseDateLabel } from "../../../../src/core/analyzers/dates/date-label.js";

describe("coarseDateLabel", () => {
  it("says a coarse date as 'sometime in', and leaves a day alone", () => {
    expect(coarseDateLabel("2025")).toBe("sometime in 2025");
    expect(coarseDateLabel("2025-09")).toBe("sometime in September 2025");
    expect(coarseDateLabel("2025-09-27")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { BackstoryError } from "../../src/core/errors.js";
import { presentFailure } from "../../src/present/failure.js";
import { memoryLogger } from "../helpers/memory-logger.js";

const REFERENCE = /^[2-9A-HJ-NP-Z]{6}$/u;

describe("GIVEN a failure on any platform", () => {
  it("WHEN it is internal THEN the log holds the details at error under a reference the apology names", () => {
    const log = memoryLogger();
    const view = presentFailure(new Error("disk on fire"), log.logger, { stage: "command", command: "why" });
    expect(view.reference).toMatch(REFERENCE);
    expect(view.message).toBe(
      `Something went wrong while answering. If it happens again, mention reference ${view.reference}.`,
    );
    expect(log.lines()).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "answering failed",
        reference: view.reference,
        code: "internal",
        stage: "command",
      }),
    ]);
    expect(log.text()).toContain("disk on fire");
    expect(view.message).not.toContain("disk");
  });

  it("WHEN it is meant for the user THEN they read its own message, and the log notes it at info", () => {
    const log = memoryLogger();
    const error = new BackstoryError("missing_option", "/why needs a topic.");
    const view = presentFailure(error, log.logger, { stage: "slash_command" });
    expect(view).toEqual({
      message: "/why needs a topic.",
      reference: view.reference,
      code: "missing_option",
    });
    expect(log.lines()).toEqual([
      expect.objectContaining({ level: 30, msg: "request refused", reference: view.reference }),
    ]);
  });

  it("WHEN two failures happen THEN each has its own reference", () => {
    const { logger } = memoryLogger();
    const references = new Set(
      Array.from({ length: 50 }, () => presentFailure(new Error("x"), logger, { stage: "s" }).reference),
    );
    expect(references.size).toBe(50);
  });
});

import { describe, expect, it } from "vitest";
import { validateArgs } from "../../commands/dispatch.js";
import { findCommand } from "../../commands/index.js";
import type { CommandArgs } from "../../src/core/invocation.js";

function quote() {
  const command = findCommand("quote");
  if (!command) throw new Error("the table has no /quote");
  return command;
}

describe("validateArgs", () => {
  it("GIVEN an option value that is an object (a malformed JSON payload) THEN it is refused as the wrong type", () => {
    const args = { speaker: { nested: "petro" } } as unknown as CommandArgs;
    expect(() => validateArgs(quote(), args)).toThrow(/must be text/);
  });

  it("GIVEN an option value that is an array THEN it is refused as the wrong type, never read as its text", () => {
    const args = { speaker: ["petro"] } as unknown as CommandArgs;
    expect(() => validateArgs(quote(), args)).toThrow(/must be text/);
  });

  it("GIVEN a number where text is expected THEN it is read as its text", () => {
    expect(validateArgs(quote(), { speaker: 1987 })).toEqual({ speaker: "1987" });
  });
});

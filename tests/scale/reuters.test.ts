import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Engine, loadEngine } from "../../src/core/engine.js";
import { ask, expectVerbatim } from "../helpers/ask.js";
import { SHARED_DATA } from "../helpers/paths.js";

const REUTERS = join(SHARED_DATA, "reuters21578.jsonl");

// The shared data sits beside the project on developer machines and in CI; it is never copied in.
describe.skipIf(!existsSync(REUTERS))("on the 19,043 Reuters stories", () => {
  let engine: Engine;

  beforeAll(async () => {
    engine = await loadEngine(REUTERS);
  }, 240_000);

  it("loads every story", () => {
    expect(engine.stats.documents).toBe(19_043);
    expect(engine.warnings).toEqual([]);
  });

  it.each([
    "/search oil prices",
    "/search opec quota",
    "/why coffee",
    "/why interest rates",
    "/quote volcker",
    "/quote yeutter about trade",
    "/timeline cocoa",
    "/who baker",
    "/who opec",
    "/sources",
    "/help",
    "/search qwertyuiop",
  ])("answers %s with cited, verbatim excerpts", async (command) => {
    const answer = await ask(command, engine);
    expect(answer.items.length > 0 || (answer.notice ?? "").length > 0).toBe(true);
    expect(answer.items.length).toBeLessThanOrEqual(100);
    await expectVerbatim(answer, engine);
  });

  it("finds quotes of people the wires quote often", async () => {
    const answer = await ask("/quote volcker", engine);
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.items.every((i) => i.speaker?.includes("Volcker"))).toBe(true);
  });
});

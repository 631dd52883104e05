import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Engine, loadEngine } from "../../src/core/engine.js";
import { ask, expectVerbatim } from "../helpers/ask.js";
import { SHARED_DATA } from "../helpers/paths.js";
import { requireSharedData, runsWithSharedData } from "./shared-data.js";

const REUTERS = join(SHARED_DATA, "reuters21578.jsonl");

// The shared data sits beside the project on developer machines and in CI; it is never copied in.
describe.runIf(runsWithSharedData(REUTERS, "the Reuters-scale tests"))(
  "on the 19,043 Reuters stories",
  () => {
    let engine: Engine;

    beforeAll(async () => {
      requireSharedData(REUTERS);
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
    ])("answers %s with cited, verbatim excerpts", async (command) => {
      const answer = await ask(command, engine);
      // A notice alone ("nothing found…") is not an answer to these: the wires cover each of them.
      expect(answer.items.length).toBeGreaterThan(0);
      expect(answer.items.length).toBeLessThanOrEqual(100);
      await expectVerbatim(answer, engine);
    });

    it("answers /help with the command list, and no excerpts", async () => {
      const answer = await ask("/help", engine);
      expect(answer.items).toEqual([]);
      expect(answer.notice ?? "").toMatch(/\/timeline[\s\S]*\/quote[\s\S]*\/why/u);
    });

    it("answers a word no story contains with no excerpts and a notice saying so", async () => {
      const answer = await ask("/search qwertyuiop", engine);
      expect(answer.items).toEqual([]);
      expect(answer.notice ?? "").toMatch(/qwertyuiop/u);
    });

    it("finds quotes of people the wires quote often", async () => {
      const answer = await ask("/quote volcker", engine);
      expect(answer.items.length).toBeGreaterThan(0);
      expect(answer.items.every((i) => i.speaker?.includes("Volcker"))).toBe(true);
    });
  },
);

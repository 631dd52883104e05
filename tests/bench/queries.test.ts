import { describe, expect, it } from "vitest";
import {
  BENCH_COMMANDS,
  CATEGORIES,
  COMPLETION_SOURCES,
  commandQueries,
  completeQueries,
  loadQueries,
  toInvocation,
} from "../../bench/queries.js";
import { drawCorpusQueries } from "../../bench/query-draw.js";
import { validateArgs } from "../../commands/dispatch.js";
import { findCommand } from "../../commands/index.js";
import { seedEngine } from "../helpers/seed-engine.js";

const set = await loadQueries();
const commands = commandQueries(set);
const completes = completeQueries(set);

describe("the checked-in benchmark query set", () => {
  it("has at least 300 queries with unique ids", () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(set.queries.map((q) => q.id)).size).toBe(set.queries.length);
  });

  it("covers every category but stop words (which the sets drawn per corpus add)", () => {
    expect(new Set(set.queries.map((q) => q.category))).toEqual(
      new Set(CATEGORIES.filter((c) => c !== "stop-word")),
    );
  });

  it.each(["search", "why", "timeline"] as const)("asks /%s with every kind of topic", (command) => {
    const categories = new Set(commands.filter((q) => q.command === command).map((q) => q.category));
    for (const c of [
      "common-word",
      "rare-word",
      "topic",
      "entity",
      "multi-word",
      "misspelling",
      "empty-result",
    ]) {
      expect(categories, `${command} ${c}`).toContain(c);
    }
  });

  it("asks /quote about speakers, with a topic, misspelt and unknown", () => {
    const categories = new Set(commands.filter((q) => q.command === "quote").map((q) => q.category));
    for (const c of ["speaker", "multi-word", "misspelling", "empty-result"]) expect(categories).toContain(c);
    expect(commands.some((q) => q.command === "quote" && / about /u.test(q.text))).toBe(true);
  });

  it("asks /who about entities and speakers, misspelt and unknown", () => {
    const categories = new Set(commands.filter((q) => q.command === "who").map((q) => q.category));
    for (const c of ["entity", "speaker", "misspelling", "empty-result"]) expect(categories).toContain(c);
  });

  it("asks every command at least 30 times", () => {
    for (const command of BENCH_COMMANDS) {
      expect(commands.filter((q) => q.command === command).length, command).toBeGreaterThanOrEqual(30);
    }
  });

  it("types autocomplete prefixes into every source, including empty and unmatched ones", () => {
    for (const source of COMPLETION_SOURCES) {
      const categories = new Set(completes.filter((q) => q.source === source).map((q) => q.category));
      for (const c of ["prefix", "misspelling", "empty-result", "no-argument"])
        expect(categories, source).toContain(c);
    }
  });

  it("draws from the Reuters stories and the seed corpus", () => {
    const from = new Set(set.queries.map((q) => q.from));
    expect(from).toEqual(new Set(["reuters", "seed", "none"]));
  });

  it("parses every command query to its command with valid options", () => {
    for (const query of commands) {
      const invocation = toInvocation(query);
      expect(invocation.command, query.text).toBe(query.command);
      const command = findCommand(invocation.command);
      expect(command).toBeDefined();
      if (command) expect(() => validateArgs(command, invocation.args), query.text).not.toThrow();
    }
  });
});

describe("a query set drawn from a corpus", () => {
  it("covers every category and command, is the same for the same seed and differs for another", async () => {
    const engine = await seedEngine();
    const drawn = drawCorpusQueries(engine, 1);
    expect(new Set(drawn.map((q) => q.category))).toEqual(new Set(CATEGORIES));
    const asked = new Set(drawn.flatMap((q) => (q.kind === "command" ? [q.command] : [])));
    expect(asked).toEqual(new Set(BENCH_COMMANDS));
    expect(drawCorpusQueries(engine, 1)).toEqual(drawn);
    expect(drawCorpusQueries(engine, 2)).not.toEqual(drawn);
  });
});

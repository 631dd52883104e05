import { describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import type { Invocation } from "../../src/core/invocation.js";
import { AnswerCache } from "../../src/service/answer-cache.js";
import { createAsker } from "../../src/service/asker.js";
import { engineFor } from "../helpers/article-engine.js";
import { seedEngine } from "../helpers/seed-engine.js";

const whyVisa: Invocation = { command: "why", args: { topic: "visa" }, platform: "slack", user: "U1" };

/** An engine source whose engine can be swapped, as a reload does. */
function swappable(engine: Engine) {
  const source = { engine, current: () => source.engine };
  return source;
}

describe("AnswerCache", () => {
  it("GIVEN the same question twice THEN the second answer is the first one, from the cache", async () => {
    const engine = await seedEngine();
    const cache = new AnswerCache(10);
    const asker = createAsker(swappable(engine), cache);
    const first = await asker.ask(whyVisa);
    const again = await asker.ask({ ...whyVisa, platform: "discord", user: "U2" });
    expect(again).toBe(first);
    expect(cache.stats).toEqual({ hits: 1, misses: 1, entries: 1 });
  });

  it("GIVEN a cached answer THEN it cannot be changed by whoever received it", async () => {
    const cache = new AnswerCache(10);
    const answer = await createAsker(swappable(await seedEngine()), cache).ask(whyVisa);
    expect(() => {
      (answer.items as unknown[]).push("x");
    }).toThrow(TypeError);
    expect(Object.isFrozen(answer.items[0]?.citation)).toBe(true);
  });

  it("GIVEN other options or another command THEN each gets its own answer", async () => {
    const cache = new AnswerCache(10);
    const asker = createAsker(swappable(await seedEngine()), cache);
    const visa = await asker.ask(whyVisa);
    const tariff = await asker.ask({ ...whyVisa, args: { topic: "tariff" } });
    const search = await asker.ask({ ...whyVisa, command: "search", args: { query: "visa" } });
    expect(tariff.title).toBe("Why: tariff");
    expect(search.command).toBe("search");
    expect(visa.title).toBe("Why: visa");
    expect(cache.stats.misses).toBe(3);
  });

  it("GIVEN more questions than it holds THEN the least recently used answer is dropped first", async () => {
    const cache = new AnswerCache(2);
    const asker = createAsker(swappable(await seedEngine()), cache);
    await asker.ask({ ...whyVisa, args: { topic: "visa" } });
    await asker.ask({ ...whyVisa, args: { topic: "tariff" } });
    await asker.ask({ ...whyVisa, args: { topic: "visa" } }); // visa is now the most recent
    await asker.ask({ ...whyVisa, args: { topic: "deport" } }); // evicts tariff
    expect(cache.stats).toEqual({ hits: 1, misses: 3, entries: 2 });
    await asker.ask({ ...whyVisa, args: { topic: "visa" } });
    expect(cache.stats.hits).toBe(2);
    await asker.ask({ ...whyVisa, args: { topic: "tariff" } });
    expect(cache.stats.misses).toBe(4);
  });

  it("GIVEN a reload to a new corpus THEN no answer of the old corpus is served", async () => {
    const before = await engineFor({
      title: "Old story",
      text: "The ministry revoked the visa after the speech.",
      published: "2025-09-27",
    });
    const after = await engineFor({
      title: "New story",
      text: "The embassy restored the visa after talks.",
      published: "2025-10-02",
    });
    const source = swappable(before);
    const cache = new AnswerCache(10);
    const asker = createAsker(source, cache);
    expect((await asker.ask(whyVisa)).items[0]?.text).toContain("revoked");
    source.engine = after;
    expect((await asker.ask(whyVisa)).items[0]?.text).toContain("restored");
    expect(cache.stats).toEqual({ hits: 0, misses: 2, entries: 1 });
  });

  it("GIVEN size 0 THEN nothing is kept and every question is answered afresh", async () => {
    const cache = new AnswerCache(0);
    const asker = createAsker(swappable(await seedEngine()), cache);
    const first = await asker.ask(whyVisa);
    expect(await asker.ask(whyVisa)).not.toBe(first);
    expect(await asker.ask(whyVisa)).toEqual(first);
    expect(cache.stats.entries).toBe(0);
  });

  it("GIVEN the same question typed differently THEN it is one entry, keyed on the checked options", async () => {
    const cache = new AnswerCache(10);
    const asker = createAsker(swappable(await seedEngine()), cache);
    await asker.ask(whyVisa);
    await asker.ask({ ...whyVisa, args: { topic: "  visa\t" } });
    expect(cache.stats).toEqual({ hits: 1, misses: 1, entries: 1 });
  });

  it("GIVEN an option of any size THEN the key holds only what the command reads of it", async () => {
    const cache = new AnswerCache(10);
    const asker = createAsker(swappable(await seedEngine()), cache);
    const huge = "visa ".repeat(20_000);
    await asker.ask({ ...whyVisa, args: { topic: huge } });
    // Options are cut to 500 characters before a command sees them: the cut question is the same one.
    await asker.ask({ ...whyVisa, args: { topic: huge.slice(0, 500) } });
    expect(cache.stats).toEqual({ hits: 1, misses: 1, entries: 1 });
  });

  it("GIVEN a question the command table refuses THEN the refusal is not cached", async () => {
    const cache = new AnswerCache(10);
    const asker = createAsker(swappable(await seedEngine()), cache);
    await expect(asker.ask({ ...whyVisa, command: "dance" })).rejects.toThrow(/no \/dance command/u);
    expect(cache.stats.entries).toBe(0);
  });
});

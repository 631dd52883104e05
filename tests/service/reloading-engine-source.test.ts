import { describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.js";
import { BackstoryError } from "../../src/core/errors.js";
import { silentLogger } from "../../src/logger.js";
import { type EngineBuilder, ReloadingEngineSource } from "../../src/service/reloading-engine-source.js";
import { seedEngine } from "../helpers/seed-engine.js";

/** A builder whose builds the test finishes one by one. */
function controlledBuilder() {
  const builds: { resolve: (engine: Engine) => void; reject: (error: Error) => void }[] = [];
  const build: EngineBuilder = () =>
    new Promise<Engine>((resolve, reject) => builds.push({ resolve, reject })).then((engine) => ({
      engine,
      origin: "build" as const,
    }));
  return { build, builds };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}

describe("ReloadingEngineSource", () => {
  it("GIVEN no load yet THEN current() says the index is not ready", () => {
    const source = new ReloadingEngineSource({ build: controlledBuilder().build, logger: silentLogger });
    expect(() => source.current()).toThrow(BackstoryError);
    expect(source.serving).toBeUndefined();
  });

  it("GIVEN a reload in progress THEN the previous engine serves until the new one is whole", async () => {
    const seed = await seedEngine();
    const next = Engine.build(seed.documents.slice(0, 1));
    const { build, builds } = controlledBuilder();
    const source = new ReloadingEngineSource({ build, logger: silentLogger });
    const first = source.reload("start");
    await until(() => builds.length === 1);
    builds[0]?.resolve(seed);
    await first;
    const second = source.reload("edit");
    await until(() => builds.length === 2);
    expect(source.current()).toBe(seed);
    builds[1]?.resolve(next);
    const outcome = await second;
    expect(outcome.ok).toBe(true);
    expect(source.current()).toBe(next);
    expect(source.serving?.generation).toBe(2);
  });

  it("GIVEN a failing reload THEN the previous engine keeps serving and the outcome says why", async () => {
    const seed = await seedEngine();
    const { build, builds } = controlledBuilder();
    const seen: boolean[] = [];
    const source = new ReloadingEngineSource({
      build,
      logger: silentLogger,
      onOutcome: (o) => seen.push(o.ok),
    });
    const first = source.reload("start");
    await until(() => builds.length === 1);
    builds[0]?.resolve(seed);
    await first;
    const failing = source.reload("edit");
    await until(() => builds.length === 2);
    builds[1]?.reject(new Error("disk unplugged"));
    const outcome = await failing;
    expect(outcome).toMatchObject({ ok: false, reason: "edit" });
    expect(!outcome.ok && outcome.error.message).toBe("disk unplugged");
    expect(source.current()).toBe(seed);
    expect(seen).toEqual([true, false]);
  });

  it("GIVEN an empty corpus after a full one THEN refuses to swap in an empty index", async () => {
    const seed = await seedEngine();
    const { build, builds } = controlledBuilder();
    const source = new ReloadingEngineSource({ build, logger: silentLogger });
    const first = source.reload("start");
    await until(() => builds.length === 1);
    builds[0]?.resolve(seed);
    await first;
    const emptied = source.reload("everything deleted");
    await until(() => builds.length === 2);
    builds[1]?.resolve(Engine.build([]));
    const outcome = await emptied;
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.message).toMatch(/no readable articles/u);
    expect(source.current()).toBe(seed);
  });

  it("GIVEN many reload requests during a build THEN they share one follow-up build", async () => {
    const seed = await seedEngine();
    const { build, builds } = controlledBuilder();
    const source = new ReloadingEngineSource({ build, logger: silentLogger });
    const first = source.reload("a");
    await until(() => builds.length === 1);
    const followUps = [source.reload("b"), source.reload("c"), source.reload("d")];
    builds[0]?.resolve(seed);
    await first;
    await until(() => builds.length === 2);
    builds[1]?.resolve(seed);
    const outcomes = await Promise.all(followUps);
    expect(builds).toHaveLength(2);
    expect(outcomes.map((o) => o.reason)).toEqual(["b; c; d", "b; c; d", "b; c; d"]);
    await source.settled();
  });
});

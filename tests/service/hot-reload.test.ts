import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import type { ReloadOutcome } from "../../src/service/reloading-engine-source.js";
import { getJson, serviceForSuite } from "../helpers/start-test-service.js";

/** Fires requests back to back until stopped, keeping every status seen. */
function hammer(urls: string[]): { stop: () => Promise<{ total: number; failures: string[] }> } {
  let running = true;
  const failures: string[] = [];
  let total = 0;
  const loops = urls.map(async (url) => {
    while (running) {
      total++;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`${url} → ${response.status}`);
      } catch (error) {
        failures.push(`${url} → ${(error as Error).message}`);
      }
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { total, failures };
    },
  };
}

const documents = (o: ReloadOutcome) => (o.ok ? o.serving.engine.stats.documents : -1);
const serves = (word: string) => (o: ReloadOutcome) =>
  o.ok && o.serving.engine.documents.some((d) => d.body.includes(word));

const ARTICLE = (word: string) => `---
title: Harbour news
published: 2025-03-01
---
# Harbour news

The harbour master announced that ${word} shipments resumed on Monday after a long pause.

Officials said the ${word} trade matters to the region.
`;

describe("hot reload of the corpus", () => {
  const app = serviceForSuite(() => ({
    role: "web",
    // Requests fire as fast as they can: the rate limit is not under test here.
    env: { WATCH_CORPUS: "true", RELOAD_DEBOUNCE_MS: "50", RATE_LIMIT_PER_MINUTE: "0" },
  }));

  const search = async (word: string) =>
    (await getJson<Answer>(`${app().url}/api/ask?q=${encodeURIComponent(`/search ${word}`)}`)).body.items
      .length;

  it("GIVEN files added, edited, deleted, broken and all removed THEN swaps atomically and never fails a request", async () => {
    const traffic = hammer([
      `${app().url}/api/ask?q=${encodeURIComponent("/quote petro")}`,
      `${app().url}/api/ask?q=${encodeURIComponent("/search colombia")}`,
      `${app().url}/api/document/000_eb7cb5b6ee6228cd`,
    ]);
    const file = join(app().corpus.corpusDir, "harbour.md");

    // Add.
    let reloaded = app().nextReload(serves("zanzibarite"));
    await writeFile(file, ARTICLE("zanzibarite"));
    await reloaded;
    expect(await search("zanzibarite")).toBeGreaterThan(0);
    expect((await getJson(`${app().url}/api/document/harbour`)).status).toBe(200);

    // Edit.
    reloaded = app().nextReload(serves("quokkaville"));
    await writeFile(file, ARTICLE("quokkaville"));
    await reloaded;
    expect(await search("quokkaville")).toBeGreaterThan(0);
    expect(await search("zanzibarite")).toBe(0);

    // Delete.
    reloaded = app().nextReload((o) => documents(o) === 2 && !serves("quokkaville")(o));
    await rm(file);
    await reloaded;
    expect((await getJson(`${app().url}/api/document/harbour`)).status).toBe(404);

    // A broken file is skipped with a warning; the good ones keep serving.
    reloaded = app().nextReload(
      (o) => o.ok && o.serving.engine.warnings.some((w) => w.file === "broken.json"),
    );
    await writeFile(join(app().corpus.corpusDir, "broken.json"), "{ this is not json");
    const broken = await reloaded;
    expect(documents(broken)).toBe(2);

    // Every article gone (a sync half done): the reload fails and the previous index keeps serving.
    const saved = new Map<string, string>();
    for (const name of await readdir(app().corpus.corpusDir)) {
      saved.set(name, await readFile(join(app().corpus.corpusDir, name), "utf8"));
    }
    const failed = app().nextReload((o) => !o.ok);
    for (const name of saved.keys()) await rm(join(app().corpus.corpusDir, name));
    const failure = await failed;
    expect(!failure.ok && failure.error.message).toMatch(/no readable articles/u);
    expect(await search("colombia")).toBeGreaterThan(0);

    // Files back: serving the corpus again.
    reloaded = app().nextReload((o) => documents(o) === 2);
    for (const [name, text] of saved) await writeFile(join(app().corpus.corpusDir, name), text);
    await reloaded;

    const { total, failures } = await traffic.stop();
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(50);

    const metrics = await (await fetch(`${app().url}/metrics`)).text();
    expect(metrics).toMatch(/^backstory_reload_failures_total \d+$/mu);
    expect(metrics).toMatch(/^backstory_reloads_total\{result="ok"\} ([5-9]|\d\d+)$/mu);
    expect(metrics).toMatch(/^backstory_index_size\{what="documents"\} 2$/mu);
  });

  it("GIVEN a forced reload (SIGHUP) THEN rebuilds even with no change", async () => {
    const before = app().service.engines.serving?.generation ?? 0;
    const outcome = await app().service.reload("SIGHUP");
    expect(outcome.ok).toBe(true);
    expect(app().service.engines.serving?.generation).toBeGreaterThan(before);
  });
});

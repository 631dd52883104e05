import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Readiness } from "../../src/server/routes/health.js";
import type { ReloadOutcome } from "../../src/service/reloading-engine-source.js";
import { SEED_CORPUS } from "../helpers/seed-engine.js";
import { getJson, serviceForSuite, type TestService } from "../helpers/start-test-service.js";
import { until as waitUntil } from "../helpers/until.js";

const serves = (word: string) => (o: ReloadOutcome) =>
  o.ok && o.serving.engine.documents.some((d) => d.body.includes(word));

async function readyz(service: TestService): Promise<{ status: number; body: Readiness }> {
  return getJson<Readiness>(`${service.url}/readyz`);
}

function until(check: () => Promise<boolean>): Promise<void> {
  return waitUntil(check, { withinMs: 10_000, everyMs: 50 });
}

describe("GIVEN the service watching its corpus folder", () => {
  const app = serviceForSuite(() => ({
    role: "web",
    env: { WATCH_CORPUS: "true", RELOAD_DEBOUNCE_MS: "50" },
    captureLogs: true,
  }));

  it("WHEN the folder is deleted and made again (rm -rf; mkdir; cp) THEN /readyz says the watch is not watching meanwhile, and later edits are reloaded", async () => {
    expect((await readyz(app())).body).toMatchObject({ ready: true, corpusWatch: { watching: true } });

    await rm(app().corpus.corpusDir, { recursive: true, force: true });
    await until(async () => (await readyz(app())).status === 503);
    expect((await readyz(app())).body).toMatchObject({
      ready: false,
      corpusWatch: { watching: false, state: "waiting", reason: "the corpus folder is gone" },
    });

    await mkdir(app().corpus.corpusDir);
    await cp(SEED_CORPUS, app().corpus.corpusDir, { recursive: true });
    await until(async () => (await readyz(app())).status === 200);

    const reloaded = app().nextReload(serves("zanzibar"));
    await writeFile(
      join(app().corpus.corpusDir, "later.md"),
      "---\ntitle: Later\n---\n\nThe zanzibar ferry resumed on Monday after a long pause.\n",
    );
    expect((await reloaded).ok).toBe(true);
    const messages = app()
      .logs()
      .map((l) => l.msg);
    expect(messages).toContain("watching the corpus again: the folder is back");
  }, 30_000);
});

import { isAscii } from "node:buffer";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusFingerprint } from "../../../src/core/snapshot/fingerprint.js";
import { loadOrBuildEngine, postingsPath, snapshotPath } from "../../../src/core/snapshot/index.js";
import { ask } from "../../helpers/ask.js";
import { SEED_CORPUS } from "../../helpers/paths.js";

function copyOfSeedCorpus(): { corpus: string; snapshots: string } {
  const root = mkdtempSync(join(tmpdir(), "backstory-snapshot-"));
  const corpus = join(root, "corpus");
  cpSync(SEED_CORPUS, corpus, { recursive: true });
  return { corpus, snapshots: join(root, "snapshots") };
}

describe("index snapshots", () => {
  it("are written on the first start and loaded on the next", async () => {
    const { corpus, snapshots } = copyOfSeedCorpus();
    const first = await loadOrBuildEngine(corpus, { snapshotDir: snapshots });
    const second = await loadOrBuildEngine(corpus, { snapshotDir: snapshots });
    expect([first.origin, second.origin]).toEqual(["build", "snapshot"]);
    expect(readdirSync(snapshots).sort()).toEqual([
      `snapshot-${first.key}.json`,
      `snapshot-${first.key}.postings`,
    ]);
  });

  it("answer exactly as the engine they were taken from", async () => {
    const { corpus, snapshots } = copyOfSeedCorpus();
    const built = (await loadOrBuildEngine(corpus, { snapshotDir: snapshots })).engine;
    const restored = (await loadOrBuildEngine(corpus, { snapshotDir: snapshots })).engine;
    for (const command of [
      "/quote petro",
      "/why visa",
      "/timeline",
      // Its "he" sentences come through the chain the snapshot stores.
      "/timeline gustavo petro",
      "/who diaz canel",
      "/search tarif",
      "/sources",
    ]) {
      expect(await ask(command, restored)).toEqual(await ask(command, built));
    }
    expect(restored.complete("speakers", "p")).toEqual(built.complete("speakers", "p"));
  });

  it("are ASCII files, whatever the corpus's characters, read back to the same text", async () => {
    const { corpus, snapshots } = copyOfSeedCorpus();
    const built = await loadOrBuildEngine(corpus, { snapshotDir: snapshots });
    expect(isAscii(readFileSync(snapshotPath(snapshots, built.key)))).toBe(true);
    const restored = (await loadOrBuildEngine(corpus, { snapshotDir: snapshots })).engine;
    expect(restored.documents.map((d) => d.body)).toEqual(built.engine.documents.map((d) => d.body));
    expect(restored.documents.some((d) => /Díaz/u.test(d.body))).toBe(true);
  });

  it("are rebuilt when their postings file is missing or cut short", async () => {
    const { corpus, snapshots } = copyOfSeedCorpus();
    const { key } = await loadOrBuildEngine(corpus, { snapshotDir: snapshots });
    const postings = readFileSync(postingsPath(snapshots, key));
    writeFileSync(postingsPath(snapshots, key), postings.subarray(0, postings.length - 8));
    const warnings: string[] = [];
    const logger = { warn: (_: unknown, message: string) => warnings.push(message) } as never;
    expect((await loadOrBuildEngine(corpus, { snapshotDir: snapshots, logger })).origin).toBe("build");
    expect(warnings).toEqual(["snapshot unreadable; rebuilding"]);
    expect((await loadOrBuildEngine(corpus, { snapshotDir: snapshots })).origin).toBe("snapshot");
  });

  it("give engines that are warmed up before their first question, either way they were made", async () => {
    const { corpus, snapshots } = copyOfSeedCorpus();
    const built = await loadOrBuildEngine(corpus, { snapshotDir: snapshots });
    const restored = await loadOrBuildEngine(corpus, { snapshotDir: snapshots });
    expect(built.engine.stats.timings.warmUp).toBeGreaterThanOrEqual(0);
    expect(restored.engine.stats.timings.warmUp).toBeGreaterThanOrEqual(0);
  });

  it("go stale when a corpus file is edited, added or removed", async () => {
    const { corpus } = copyOfSeedCorpus();
    const before = await corpusFingerprint(corpus);
    writeFileSync(join(corpus, "new.txt"), "A new article arrived today.");
    const afterAdd = await corpusFingerprint(corpus);
    writeFileSync(join(corpus, "new.txt"), "The new article was edited.");
    const afterEdit = await corpusFingerprint(corpus);
    expect(new Set([before, afterAdd, afterEdit]).size).toBe(3);
  });

  it("are rebuilt when stale", async () => {
    const { corpus, snapshots } = copyOfSeedCorpus();
    await loadOrBuildEngine(corpus, { snapshotDir: snapshots });
    writeFileSync(join(corpus, "extra.txt"), "Officials met again on Friday.");
    const reloaded = await loadOrBuildEngine(corpus, { snapshotDir: snapshots });
    expect(reloaded.origin).toBe("build");
    expect(reloaded.engine.documents.map((d) => d.id)).toContain("extra");
  });

  it("are rebuilt, not trusted, when corrupt", async () => {
    const { corpus, snapshots } = copyOfSeedCorpus();
    const { key } = await loadOrBuildEngine(corpus, { snapshotDir: snapshots });
    writeFileSync(snapshotPath(snapshots, key), '{"format": 1, "key": "truncated');
    const warnings: string[] = [];
    const logger = { warn: (_: unknown, message: string) => warnings.push(message) } as never;
    const rebuilt = await loadOrBuildEngine(corpus, { snapshotDir: snapshots, logger });
    expect(rebuilt.origin).toBe("build");
    expect(rebuilt.engine.stats.documents).toBe(2);
    expect(warnings).toEqual(["snapshot unreadable; rebuilding"]);
    expect((await loadOrBuildEngine(corpus, { snapshotDir: snapshots })).origin).toBe("snapshot");
  });
});

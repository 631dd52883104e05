import { chmod, cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { SEED_CORPUS } from "./seed-engine.js";

/** A writable copy of the seed corpus (the originals are read-only) and a snapshot folder beside it. */
export interface SeedCorpusCopy {
  root: string;
  corpusDir: string;
  snapshotDir: string;
  remove(): Promise<void>;
}

/** Copies the bundled corpus into a fresh temporary folder. */
export async function copySeedCorpus(): Promise<SeedCorpusCopy> {
  const root = await mkdtemp(join(tmpdir(), "backstory-test-"));
  const corpusDir = join(root, "corpus");
  await cp(SEED_CORPUS, corpusDir, { recursive: true });
  for (const name of await readdir(corpusDir)) await chmod(join(corpusDir, name), 0o644);
  return {
    root,
    corpusDir,
    snapshotDir: join(root, "snapshots"),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * A fresh copy of the seed corpus for the current suite: made before its tests,
 * removed after them. Read it through the returned function inside hooks and tests.
 */
export function seedCorpusForSuite(): () => SeedCorpusCopy {
  let copy: SeedCorpusCopy | undefined;
  beforeAll(async () => {
    copy = await copySeedCorpus();
  });
  afterAll(async () => {
    await copy?.remove();
  });
  return () => {
    if (!copy) throw new Error("the seed corpus copy is made in beforeAll: read it inside a hook or a test");
    return copy;
  };
}

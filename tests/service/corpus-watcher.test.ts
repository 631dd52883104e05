import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { type CorpusWatch, watchCorpus } from "../../src/service/corpus-watcher.js";

let dir: string;
let watch: CorpusWatch | undefined;

afterEach(async () => {
  watch?.close();
  await rm(dir, { recursive: true, force: true });
});

function nextChange(): { promise: Promise<string[]>; calls: string[][] } {
  const calls: string[][] = [];
  let resolve: (paths: string[]) => void = () => {};
  const promise = new Promise<string[]>((r) => {
    resolve = r;
  });
  watch = watchCorpus(dir, {
    debounceMs: 100,
    logger: silentLogger,
    onChange: (paths) => {
      calls.push(paths);
      resolve(paths);
    },
  });
  return { promise, calls };
}

describe("watchCorpus", () => {
  it("GIVEN a burst of writes THEN calls back once, after the burst, naming the files", async () => {
    dir = await mkdtemp(join(tmpdir(), "backstory-watch-"));
    const change = nextChange();
    await writeFile(join(dir, "a.md"), "# A\n\nText.");
    await writeFile(join(dir, "b.md"), "# B\n\nText.");
    await writeFile(join(dir, "a.md"), "# A\n\nMore text.");
    const paths = await change.promise;
    expect(paths).toEqual(expect.arrayContaining(["a.md", "b.md"]));
    expect(change.calls).toHaveLength(1);
  });

  it("GIVEN only an editor's swap file changing THEN does not call back", async () => {
    dir = await mkdtemp(join(tmpdir(), "backstory-watch-"));
    const change = nextChange();
    await writeFile(join(dir, ".a.md.swp"), "x");
    await writeFile(join(dir, "real.md"), "# Real\n\nText.");
    expect(await change.promise).toEqual(["real.md"]);
  });
});

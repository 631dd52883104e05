import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { type CorpusWatch, watchCorpus } from "../../src/service/corpus-watcher.js";
import { Recorded } from "../fakes/slack/wait-for.js";

// The writes of a burst are made synchronously, in one tick: every file event is
// queued before the watcher sees the first, so the 100 ms debounce only has to
// outlast the reading of those events, never a wall-clock gap between awaited
// writes that a loaded machine could stretch past it.
const DEBOUNCE_MS = 100;

let dir: string;
let watch: CorpusWatch | undefined;

afterEach(async () => {
  watch?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Watches `dir` and records each callback's paths. */
function watchChanges(): Recorded<string[]> {
  const changes = new Recorded<string[]>();
  watch = watchCorpus(dir, {
    debounceMs: DEBOUNCE_MS,
    logger: silentLogger,
    onChange: (paths) => changes.push(paths),
  });
  return changes;
}

describe("watchCorpus", () => {
  it("GIVEN a burst of writes THEN calls back once, after the burst, naming the files", async () => {
    dir = await mkdtemp(join(tmpdir(), "backstory-watch-"));
    const changes = watchChanges();
    writeFileSync(join(dir, "a.md"), "# A\n\nText.");
    writeFileSync(join(dir, "b.md"), "# B\n\nText.");
    writeFileSync(join(dir, "a.md"), "# A\n\nMore text.");
    const burst = await changes.waitFor(() => true, "the burst's callback");
    expect(burst).toEqual(expect.arrayContaining(["a.md", "b.md"]));
    // "Once": a later, separate write is the next callback, with nothing of the burst in between.
    writeFileSync(join(dir, "c.md"), "# C\n\nText.");
    await changes.waitFor((paths) => paths.includes("c.md"), "the next callback");
    expect(changes.entries).toEqual([burst, ["c.md"]]);
  });

  it("GIVEN only an editor's swap file changing THEN does not call back", async () => {
    dir = await mkdtemp(join(tmpdir(), "backstory-watch-"));
    const changes = watchChanges();
    writeFileSync(join(dir, ".a.md.swp"), "x");
    writeFileSync(join(dir, "real.md"), "# Real\n\nText.");
    expect(await changes.waitFor(() => true, "a callback")).toEqual(["real.md"]);
    expect(changes.entries).toEqual([["real.md"]]);
  });
});

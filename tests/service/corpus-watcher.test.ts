import { writeFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { type CorpusWatch, watchCorpus } from "../../src/service/corpus-watcher.js";
import { Recorded } from "../fakes/slack/wait-for.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { until as waitUntil } from "../helpers/until.js";

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

  it("GIVEN the folder deleted and made again THEN says it is not watching, re-arms on the new folder, logs it, and sees later edits", async () => {
    dir = await mkdtemp(join(tmpdir(), "backstory-watch-"));
    await writeFile(join(dir, "a.md"), "# A\n\nText.");
    const log = memoryLogger();
    const calls: string[][] = [];
    watch = watchCorpus(dir, {
      debounceMs: 50,
      checkMs: 50,
      logger: log.logger,
      onChange: (p) => calls.push(p),
    });
    expect(watch.status()).toMatchObject({ watching: true, state: "watching" });

    await rm(dir, { recursive: true, force: true });
    await until(() => watch?.status().state === "waiting");
    expect(watch.status()).toMatchObject({ watching: false, reason: "the corpus folder is gone" });

    await mkdir(dir);
    await writeFile(join(dir, "b.md"), "# B\n\nText.");
    await until(() => watch?.status().watching === true);
    await until(() => calls.some((c) => c.includes("(folder re-created)")));

    const before = calls.length;
    await writeFile(join(dir, "c.md"), "# C\n\nText.");
    await until(() => calls.slice(before).some((c) => c.includes("c.md")));
    const messages = log.lines().map((l) => l.msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        "not watching the corpus: looking for the folder again",
        "watching the corpus again: the folder is back",
      ]),
    );
  });

  it("GIVEN the folder swapped for another by a rename THEN re-arms on the new one", async () => {
    dir = await mkdtemp(join(tmpdir(), "backstory-watch-"));
    await writeFile(join(dir, "a.md"), "# A\n\nText.");
    const calls: string[][] = [];
    watch = watchCorpus(dir, {
      debounceMs: 50,
      checkMs: 50,
      logger: silentLogger,
      onChange: (p) => calls.push(p),
    });
    await cp(dir, `${dir}.next`, { recursive: true });
    await rename(dir, `${dir}.old`);
    await rename(`${dir}.next`, dir);
    await until(() => calls.some((c) => c.includes("(folder re-created)")));
    await writeFile(join(dir, "d.md"), "# D\n\nText.");
    await until(() => calls.some((c) => c.includes("d.md")));
    await rm(`${dir}.old`, { recursive: true, force: true });
  });
});

/** Waits until `condition` holds, polling; fails after 5 s. */
function until(condition: () => boolean): Promise<void> {
  return waitUntil(condition, { withinMs: 5_000, everyMs: 20 });
}

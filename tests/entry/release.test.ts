import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnEntry } from "../helpers/spawn-entry.js";

describe("the release phase (child process)", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("GIVEN npm run index THEN writes a snapshot that the next start loads instead of re-indexing", async () => {
    const snapshotDir = await mkdtemp(join(tmpdir(), "backstory-release-"));
    dirs.push(snapshotDir);
    const release = await spawnEntry("src/entry/release.ts", { SNAPSHOT_DIR: snapshotDir });
    expect(await release.exited).toBe(0);
    const written = release.lines.find((l) => String(l.msg).startsWith("index snapshot written to"));
    expect(written).toMatchObject({ documents: 2 });
    expect((await readdir(snapshotDir)).filter((n) => n.endsWith(".json"))).toHaveLength(1);

    const web = await spawnEntry("src/entry/web.ts", {
      SNAPSHOT_DIR: snapshotDir,
      HOST: "127.0.0.1",
      PORT: "0",
    });
    const loaded = await web.waitForLine((l) => l.msg === "index loaded");
    expect(loaded.origin).toBe("snapshot");
    web.child.kill("SIGTERM");
    expect(await web.exited).toBe(0);
  });

  it("GIVEN a corpus that cannot be read THEN the release fails with exit 1", async () => {
    const release = await spawnEntry("src/entry/release.ts", { CORPUS_DIR: "/nonexistent/corpus" });
    expect(await release.exited).toBe(1);
    expect(release.lines.map((l) => l.msg)).toContain("could not build the index snapshot");
  });
});

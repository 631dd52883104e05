import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { type SpawnedEntry, spawnEntry } from "../helpers/spawn-entry.js";
import { getJson } from "../helpers/start-test-service.js";

describe("npm start with no credentials (child process)", () => {
  let snapshotDir: string;
  let entry: SpawnedEntry;
  let url: string;

  beforeAll(async () => {
    snapshotDir = await mkdtemp(join(tmpdir(), "backstory-snapshots-"));
    entry = await spawnEntry("src/entry/start.ts", {
      HOST: "127.0.0.1",
      PORT: "0",
      SNAPSHOT_DIR: snapshotDir,
    });
    const ready = await entry.waitForLine((l) => String(l.msg).startsWith("Backstory is ready"));
    url = String(ready.url);
  });

  afterAll(async () => {
    if (entry.child.exitCode === null) entry.child.kill("SIGKILL");
    await rm(snapshotDir, { recursive: true, force: true });
  });

  it("GIVEN no credentials THEN its first lines say what runs and what would enable the rest", () => {
    const first = entry.lines.slice(0, 8).map((l) => String(l.msg));
    expect(first[0]).toBe("Backstory is starting (every transport with credentials)");
    expect(first).toContain("on:  playground, JSON API and health checks");
    expect(first).toContain(
      "off: Discord slash commands over the gateway — set DISCORD_TOKEN and DISCORD_APPLICATION_ID to enable",
    );
    expect(first).toContain("off: Slack Socket Mode — set SLACK_BOT_TOKEN and SLACK_APP_TOKEN to enable");
    expect(first).toContain(
      "No platform credentials: serving the bundled corpus in the playground only (see .env.example).",
    );
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
  });

  it("GIVEN the JSON API THEN answers from the bundled corpus, and the index snapshot was written", async () => {
    const { status, body } = await getJson<Answer>(`${url}/api/ask?q=${encodeURIComponent("/why visa")}`);
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect((await readdir(snapshotDir)).some((name) => name.endsWith(".json"))).toBe(true);
    const page = await fetch(`${url}/`);
    expect(await page.text()).toContain("Backstory playground");
  });

  it("GIVEN SIGHUP THEN re-indexes the corpus", async () => {
    entry.child.kill("SIGHUP");
    const reloaded = await entry.waitForLine((l) => l.msg === "index reloaded");
    expect(reloaded).toMatchObject({ reason: "SIGHUP", generation: 2, documents: 2 });
  });

  it("GIVEN SIGTERM THEN stops cleanly with exit code 0", async () => {
    entry.child.kill("SIGTERM");
    expect(await entry.exited).toBe(0);
    expect(entry.lines.some((l) => l.msg === "stopped cleanly")).toBe(true);
  });
});

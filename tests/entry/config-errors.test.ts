import { describe, expect, it } from "vitest";
import { spawnEntry } from "../helpers/spawn-entry.js";

const ENTRIES = ["src/entry/start.ts", "src/entry/web.ts", "src/entry/worker.ts", "src/entry/release.ts"];

describe("configuration errors (child processes)", () => {
  it.concurrent.each(ENTRIES)(
    "GIVEN DISCORD_TOKEN without DISCORD_APPLICATION_ID THEN %s names the problem and exits 1",
    async (path) => {
      const entry = await spawnEntry(path, { DISCORD_TOKEN: "some-token" });
      expect(await entry.exited).toBe(1);
      expect(entry.stderr()).toContain(
        "DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing: copy the Application ID from the Discord developer portal.",
      );
      expect(entry.stderr()).toContain("Every variable is described in .env.example.");
      expect(entry.stderr()).not.toContain("some-token");
      expect(entry.lines).toEqual([]);
    },
  );

  it("GIVEN several malformed variables THEN names every one of them", async () => {
    const entry = await spawnEntry("src/entry/start.ts", {
      PORT: "eighty",
      SLACK_BOT_TOKEN: "not-a-bot-token",
      DISCORD_PUBLIC_KEY: "abc",
      SHUTDOWN_GRACE_SECONDS: "-1",
    });
    expect(await entry.exited).toBe(1);
    const stderr = entry.stderr();
    expect(stderr).toContain("Configuration problems:");
    expect(stderr).toContain("PORT must be a whole number from 0 to 65535");
    expect(stderr).toContain("SLACK_BOT_TOKEN must start with xoxb-");
    expect(stderr).toContain("DISCORD_PUBLIC_KEY must be the 64 hex characters");
    expect(stderr).toContain("SHUTDOWN_GRACE_SECONDS must be a whole number from 0 to 300");
  });
});

describe("startup problems (child processes)", () => {
  it("GIVEN a corpus folder that does not exist THEN says so and exits 1", async () => {
    const entry = await spawnEntry("src/entry/start.ts", { CORPUS_DIR: "/nonexistent/corpus", PORT: "0" });
    expect(await entry.exited).toBe(1);
    expect(entry.lines.map((l) => l.msg)).toContain(
      "The corpus folder /nonexistent/corpus does not exist: set CORPUS_DIR to a folder of articles.",
    );
  });

  it("GIVEN the worker with no platform credentials THEN says what to set and exits 1", async () => {
    const entry = await spawnEntry("src/entry/worker.ts", {});
    expect(await entry.exited).toBe(1);
    expect(String(entry.lines.at(-1)?.msg)).toMatch(/^The worker has nothing to run: set DISCORD_TOKEN/u);
  });
});

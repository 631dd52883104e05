import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseEncryptionKeys } from "../../src/config.js";

const KEY = Buffer.alloc(32, 3).toString("base64");
const INSTALLS = {
  SLACK_CLIENT_ID: "1.2",
  SLACK_CLIENT_SECRET: "c",
  SLACK_STATE_SECRET: "s".repeat(32),
  SLACK_SIGNING_SECRET: "s",
  ENCRYPTION_KEY: `k1:${KEY}`,
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("the scale-out configuration", () => {
  it("GIVEN DISCORD_SHARDS THEN auto and whole numbers are read, anything else refused by name", () => {
    const bot = { DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1" };
    expect(loadConfig({ ...bot, DISCORD_SHARDS: "auto" }).discord.shards).toBe("auto");
    expect(loadConfig({ ...bot, DISCORD_SHARDS: "4" }).discord.shards).toBe(4);
    expect(problems({ DISCORD_SHARDS: "auto" })[0]).toMatch(/DISCORD_TOKEN is missing/u);
    for (const bad of ["0", "two", "-1", "1.5"]) {
      expect(problems({ DISCORD_SHARDS: bad })[0]).toMatch(/^DISCORD_SHARDS must be auto or a whole number/u);
    }
  });

  it("GIVEN REDIS_URL THEN redis:// and rediss:// are read, another scheme refused", () => {
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).redisUrl).toBe("redis://127.0.0.1:6379");
    expect(problems({ REDIS_URL: "http://127.0.0.1:6379" })[0]).toMatch(
      /^REDIS_URL must be a URL like redis/u,
    );
  });

  it("GIVEN the install variables together THEN they are read; any missing one is named", () => {
    const config = loadConfig(INSTALLS);
    expect(config.slack).toMatchObject({ clientId: "1.2", clientSecret: "c" });
    const { ENCRYPTION_KEY: _key, ...withoutKey } = INSTALLS;
    expect(problems(withoutKey).join("\n")).toMatch(/ENCRYPTION_KEY is missing/u);
    const { SLACK_STATE_SECRET: _state, ...withoutState } = INSTALLS;
    expect(problems(withoutState).join("\n")).toMatch(/SLACK_STATE_SECRET/u);
    expect(problems({ ...INSTALLS, SLACK_BOT_TOKEN: "xoxb-1" }).join("\n")).toMatch(/not both/u);
    expect(problems({ ...INSTALLS, SLACK_STATE_SECRET: "short" })[0]).toMatch(/at least 32 characters/u);
  });

  it("GIVEN ENCRYPTION_KEY THEN keys are read in order, and a wrong length or a repeated id is refused", () => {
    const other = Buffer.alloc(32, 9).toString("base64");
    expect(parseEncryptionKeys(`k2:${other},k1:${KEY}`).map((k) => [k.id, k.key.length])).toEqual([
      ["k2", 32],
      ["k1", 32],
    ]);
    expect(problems({ ENCRYPTION_KEY: `k1:${Buffer.alloc(16).toString("base64")}` })[0]).toMatch(
      /not 32 bytes/u,
    );
    expect(problems({ ENCRYPTION_KEY: `k1:${KEY},k1:${other}` })[0]).toMatch(/twice/u);
    expect(problems({ ENCRYPTION_KEY: KEY })[0]).toMatch(/id:base64key/u);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { describeRegistration, registerCommands } from "../../../src/adapters/discord/register-commands.js";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await FakeDiscord.start();
});
afterEach(async () => {
  expect(fake.rejections).toEqual([]);
  await fake.close();
});

const register = (extra: { guildId?: string; defaultPrivate?: boolean } = {}) =>
  registerCommands({
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    defaultPrivate: extra.defaultPrivate ?? true,
    ...(extra.guildId === undefined ? {} : { guildId: extra.guildId }),
  });

describe("GIVEN an application with no commands", () => {
  it("WHEN registering THEN every command is added in one bulk overwrite", async () => {
    const report = await register();
    expect(report.changed).toBe(true);
    expect(report.added).toEqual([
      "timeline",
      "quote",
      "why",
      "search",
      "who",
      "sources",
      "follow",
      "unfollow",
      "following",
      "add",
      "help",
    ]);
    expect(fake.commandStore.writes).toBe(1);
    expect(fake.commandStore.byScope.get("global")?.map((c) => c.name)).toEqual(report.added);
    expect(describeRegistration(report)).toContain("+ /quote (new)");
  });

  it("WHEN registering twice THEN the second time changes nothing and writes nothing", async () => {
    await register();
    const again = await register();
    expect(again.changed).toBe(false);
    expect(again.unchanged).toHaveLength(commands.length);
    expect(fake.commandStore.writes).toBe(1);
    expect(describeRegistration(again)).toBe(
      `Discord commands are up to date globally (${commands.length} commands).`,
    );
  });

  it("WHEN the default visibility changes THEN every command is reported as changed and rewritten", async () => {
    await register({ defaultPrivate: true });
    const report = await register({ defaultPrivate: false });
    expect(report.updated).toHaveLength(commands.length);
    expect(fake.commandStore.writes).toBe(2);
  });

  it("WHEN a command is registered that the table no longer has THEN it is removed", async () => {
    await register();
    fake.commandStore.byScope
      .get("global")
      ?.push({ id: "1", type: 1, name: "legacy", description: "Old", options: [] });
    const report = await register();
    expect(report.removed).toEqual(["legacy"]);
    expect(fake.commandStore.byScope.get("global")?.some((c) => c.name === "legacy")).toBe(false);
  });

  it("WHEN a guild id is given THEN the commands go to that guild only", async () => {
    const report = await register({ guildId: "123456789012345678" });
    expect(report.scope).toEqual({ kind: "guild", guildId: "123456789012345678" });
    expect(fake.commandStore.byScope.get("123456789012345678")).toHaveLength(commands.length);
    expect(fake.commandStore.byScope.get("global")).toBeUndefined();
  });
});

describe("GIVEN a wrong token", () => {
  it("WHEN registering THEN it fails with Discord's 401", async () => {
    await expect(
      registerCommands({
        token: "wrong",
        applicationId: fake.applicationId,
        apiUrl: fake.apiUrl,
        defaultPrivate: true,
      }),
    ).rejects.toThrow(/401|Unauthorized/u);
    fake.rejections.length = 0;
  });
});

import { GatewayIntentBits, MessageFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BotFixture, startBotFixture } from "../../fakes/discord/bot-fixture.js";
import type { Outcome } from "../../fakes/discord/fake-discord.js";
import { buttonsOf } from "../../fakes/discord/message-parts.js";
import { seedAsker } from "../../helpers/seed-engine.js";

// One real discord.js bot, connected to the fake gateway, answers every test of this file.
let f: BotFixture;
beforeAll(async () => {
  f = await startBotFixture(await seedAsker(), { fake: { heartbeatIntervalMs: 200 } });
});
afterAll(async () => {
  await f?.stop();
});
afterEach(() => {
  expect(f.fake.rejections).toEqual([]);
});

function embedOf(outcome: Outcome) {
  if (!("message" in outcome)) throw new Error(`expected a message, got ${outcome.via}`);
  const embed = outcome.message.embeds[0];
  if (!embed) throw new Error("the message has no embed");
  return embed;
}

function isEphemeral(outcome: Outcome): boolean {
  return "message" in outcome && ((outcome.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

describe("GIVEN the bot logged in through discord.js", () => {
  it("THEN it found the gateway through the REST API and identified with the Guilds intent only", () => {
    const discovery = f.fake.requests.find((r) => r.route === "/gateway/bot");
    expect(discovery?.status).toBe(200);
    expect(f.fake.gatewayLog.identifies).toHaveLength(1);
    expect(f.fake.gatewayLog.identifies[0]).toMatchObject({
      token: f.fake.token,
      intents: GatewayIntentBits.Guilds,
    });
    const query = f.fake.gatewayLog.connections[0];
    expect(query?.get("encoding")).toBe("json");
    expect(query?.get("compress")).toBeNull();
    expect(f.bot.client.isReady()).toBe(true);
  });

  it("THEN it keeps the connection alive with heartbeats the gateway acknowledges", async () => {
    await f.fake.waitFor(
      () => (f.fake.gatewayLog.heartbeatAcks >= 2 ? true : undefined),
      5000,
      "two heartbeats",
    );
    expect(f.fake.gatewayLog.heartbeats).toBeGreaterThanOrEqual(2);
  });
});

describe("GIVEN a reader runs each command (private by default)", () => {
  it("WHEN /quote petro THEN Gustavo Petro's quotes come back, each cited, privately", async () => {
    const outcome = await f.fake.runCommand("quote", { speaker: "petro" }).outcome();
    expect(outcome.via).toBe("reply");
    expect(isEphemeral(outcome)).toBe(true);
    const embed = embedOf(outcome);
    expect(embed.title).toBe("Quotes: Gustavo Petro");
    expect(embed.fields?.length).toBeGreaterThan(0);
    for (const field of embed.fields ?? []) {
      expect(field.name).toMatch(/Gustavo Petro$/u);
      expect(field.value).toMatch(/“.+”[\s\S]*\n— .+ · ¶\d+ · 2025-\d{2}-\d{2}$/u);
    }
    expect(embed.footer?.text).toMatch(/^\/quote speaker:"petro" · \d+ sources? · page 1\/1$/u);
    expect(f.asker.asked.at(-1)).toMatchObject({
      command: "quote",
      args: { speaker: "petro" },
      platform: "discord",
    });
  });

  it("WHEN /why visa THEN the passages explaining the visa come back", async () => {
    const embed = embedOf(await f.fake.runCommand("why", { topic: "visa" }).outcome());
    expect(embed.title).toBe("Why: visa");
    expect(embed.fields?.some((field) => /visa/iu.test(field.value))).toBe(true);
  });

  it("WHEN /timeline THEN dated events come back, each leading with its date", async () => {
    const embed = embedOf(await f.fake.runCommand("timeline").outcome());
    expect(embed.title).toBe("Timeline");
    expect(embed.fields?.length).toBeGreaterThan(0);
    // A day, or a coarser date said "sometime in 2025".
    expect(embed.fields?.every((field) => /^\d+\. (?:\d{4}|sometime in )/u.test(field.name))).toBe(true);
  });

  it("WHEN /search tariff THEN passages mentioning tariffs come back with the word in bold", async () => {
    const embed = embedOf(await f.fake.runCommand("search", { query: "tariff" }).outcome());
    expect(embed.title).toBe("Search: tariff");
    expect(embed.fields?.length).toBeGreaterThan(0);
    expect(embed.fields?.every((field) => field.value.includes("**tariff**"))).toBe(true);
  });

  it("WHEN /who rubio THEN Marco Rubio is described", async () => {
    const embed = embedOf(await f.fake.runCommand("who", { name: "rubio" }).outcome());
    expect(embed.title).toBe("Who: Marco Rubio");
    expect(embed.description).toContain("Secretary of State");
  });

  it("WHEN /sources THEN the articles are listed", async () => {
    const embed = embedOf(await f.fake.runCommand("sources").outcome());
    expect(embed.title).toMatch(/^Sources: \d+ articles$/u);
    expect(embed.fields?.length).toBeGreaterThan(0);
  });

  it("WHEN /help THEN every command is explained", async () => {
    const embed = embedOf(await f.fake.runCommand("help").outcome());
    for (const name of ["timeline", "quote", "why", "search", "who", "sources"]) {
      expect(embed.description).toContain(`/${name}`);
    }
  });

  it("WHEN a private answer is sent THEN it carries a Post to channel button", async () => {
    const outcome = await f.fake.runCommand("why", { topic: "visa" }).outcome();
    const labels = "message" in outcome ? buttonsOf(outcome.message).map((b) => b.label) : [];
    expect(labels).toEqual(["Post to channel"]);
  });
});

describe("GIVEN a reader asks for a public answer", () => {
  it("WHEN /quote petro private:false THEN the answer is posted to the channel, with no Post button", async () => {
    const outcome = await f.fake.runCommand("quote", { speaker: "petro", private: false }).outcome();
    expect(isEphemeral(outcome)).toBe(false);
    expect(embedOf(outcome).title).toBe("Quotes: Gustavo Petro");
    expect("message" in outcome && outcome.message.components).toEqual([]);
    expect(f.asker.asked.at(-1)?.args).toEqual({ speaker: "petro" });
  });
});

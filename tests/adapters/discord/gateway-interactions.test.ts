import { type APIMessage, MessageFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BackstoryError } from "../../../src/core/errors.js";
import type { Asker } from "../../../src/service/asker.js";
import { type BotFixture, startBotFixture } from "../../fakes/discord/bot-fixture.js";
import type { Outcome } from "../../fakes/discord/fake-discord.js";
import { buttonId, buttonsOf, footerOf, isEphemeral } from "../../fakes/discord/message-parts.js";
import { messageObject } from "../../fakes/discord/payloads.js";
import { failingAsker, gatedAsker, manyItemsAsker, slowAsker } from "../../helpers/askers.js";
import { seedAsker } from "../../helpers/seed-engine.js";

// `f` defers after the default 2 s, as in production; `quick` after 100 ms, so that
// deferred paths other than the 3-second one can be tested without waiting seconds.
let f: BotFixture;
let quick: BotFixture;
let seed: Asker;
beforeAll(async () => {
  seed = await seedAsker();
  [f, quick] = await Promise.all([startBotFixture(seed), startBotFixture(seed, { deferAfterMs: 100 })]);
});
afterAll(async () => {
  await Promise.all([f?.stop(), quick?.stop()]);
});
afterEach(() => {
  for (const fixture of [f, quick]) {
    expect(fixture.fake.rejections).toEqual([]);
    fixture.asker.use(seed);
  }
});

function messageOf(outcome: Outcome): APIMessage {
  if (!("message" in outcome)) throw new Error(`expected a message, got ${outcome.via}`);
  return outcome.message;
}

describe("GIVEN a reader typing an option with autocomplete", () => {
  it("WHEN typing 'pe' into /quote speaker THEN Gustavo Petro is suggested", async () => {
    const outcome = await f.fake.typeInto("quote", { speaker: "pe" }, "speaker").outcome();
    expect(outcome.via).toBe("suggest");
    expect("choices" in outcome && outcome.choices).toContainEqual({
      name: "Gustavo Petro",
      value: "Gustavo Petro",
    });
  });

  it("WHEN typing nothing into /why topic THEN topics from the index are suggested, at most 25", async () => {
    const outcome = await f.fake.typeInto("why", { topic: "" }, "topic").outcome();
    const choices = "choices" in outcome ? outcome.choices : [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it("WHEN the index offers 40 long suggestions THEN at most 25 of at most 100 characters are sent", async () => {
    const labels = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? `Name ${i}` : `${"Long name ".repeat(12)}${i}`,
    );
    f.asker.use({ ...seed, complete: () => labels });
    const outcome = await f.fake.typeInto("who", { name: "n" }, "name").outcome();
    const choices = "choices" in outcome ? outcome.choices : [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.every((c) => c.name.length <= 100 && String(c.value).length <= 100)).toBe(true);
    expect(choices[0]).toEqual({ name: "Name 0", value: "Name 0" });
  });

  it("WHEN suggesting fails THEN an empty list is sent, not silence", async () => {
    f.asker.use({
      ...seed,
      complete: () => {
        throw new Error("index gone");
      },
    });
    const outcome = await f.fake.typeInto("quote", { speaker: "x" }, "speaker").outcome();
    expect("choices" in outcome && outcome.choices).toEqual([]);
  });
});

describe("GIVEN an answer longer than one page", () => {
  it("WHEN Next then Previous are clicked THEN page 2 shows, then page 1 again exactly", async () => {
    f.asker.use(manyItemsAsker(12));
    const first = messageOf(await f.fake.runCommand("search", { query: "flights" }).outcome());
    expect(footerOf(first)).toMatch(/page 1\/3$/u);

    const next = await f.fake.click(first, buttonId(first, "Next")).outcome();
    expect(next.via).toBe("update");
    const second = messageOf(next);
    expect(second.id).toBe(first.id);
    expect(footerOf(second)).toMatch(/page 2\/3$/u);
    expect(second.embeds[0]?.fields?.[0]?.name).toBe("6.");
    expect(buttonsOf(second).map((b) => b.label)).toEqual(["◀ Previous", "Next ▶", "Post to channel"]);

    const back = messageOf(await f.fake.click(second, buttonId(second, "Previous")).outcome());
    expect(back.embeds).toEqual(first.embeds);
    expect(back.components).toEqual(first.components);
  });

  it("WHEN the query is too long for the custom_id THEN Next reads it back from the message and asks it again", async () => {
    f.asker.use(manyItemsAsker(12));
    const query = `${"deportation flights and tariff threats ".repeat(4)}in 2025`;
    const first = messageOf(await f.fake.runCommand("search", { query }).outcome());
    expect(buttonId(first, "Next").endsWith(":~")).toBe(true);

    const second = messageOf(await f.fake.click(first, buttonId(first, "Next")).outcome());
    expect(footerOf(second)).toMatch(/page 2\/3$/u);
    expect(f.asker.asked.at(-1)).toMatchObject({ command: "search", args: { query } });
  });

  it("WHEN a page takes long to compute THEN the click is acknowledged at once and the page edited in", async () => {
    quick.asker.use(manyItemsAsker(12));
    const first = messageOf(await quick.fake.runCommand("search", { query: "slow pages" }).outcome());
    const held = gatedAsker(manyItemsAsker(12));
    quick.asker.use(held);
    const click = quick.fake.click(first, buttonId(first, "Next"));
    // The acknowledgement arrives while the page is still held back: by order of events, not a time bound.
    const ack = await click.response();
    expect(ack.type).toBe(6);
    expect(held.waiting).toBe(1);
    held.release();
    const outcome = await click.outcome();
    expect(outcome.via).toBe("edit");
    expect(footerOf(messageOf(outcome))).toMatch(/page 2\/3$/u);
  });
});

describe("GIVEN a private answer", () => {
  it("WHEN Post to channel is clicked THEN the same answer is posted for everyone, without the button", async () => {
    const mine = messageOf(await f.fake.runCommand("quote", { speaker: "petro" }).outcome());
    expect(isEphemeral(mine)).toBe(true);

    const posted = await f.fake.click(mine, buttonId(mine, "Post to channel")).outcome();
    expect(posted.via).toBe("reply");
    const shared = messageOf(posted);
    expect(shared.id).not.toBe(mine.id);
    expect(isEphemeral(shared)).toBe(false);
    expect(shared.embeds).toEqual(mine.embeds);
    expect(buttonsOf(shared)).toEqual([]);
  });
});

describe("GIVEN a button Backstory does not understand", () => {
  it.each([
    ["from an older version", "bs0:next:1"],
    ["from elsewhere", "poll:vote:yes"],
    ["for a command that no longer exists", "bs1:g:1:retired:q=x"],
  ])("WHEN a button %s is clicked THEN the reader gets a polite private answer", async (_what, customId) => {
    const stale = messageObject("500000000000000001", f.fake.applicationId, {
      embeds: [{ title: "Old answer" }],
      components: [{ type: 1, components: [{ type: 2, style: 2, label: "Next", custom_id: customId }] }],
    });
    const outcome = await f.fake.click(stale, customId).outcome();
    expect(outcome.via).toBe("reply");
    const reply = messageOf(outcome);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(/expired.*run the command again/iu);
  });
});

describe("GIVEN an answer that takes longer than Discord's 3 seconds", () => {
  it("WHEN /quote petro takes 2.6 s THEN the bot defers within 3 s, privately, then edits the answer in", async () => {
    f.asker.use(slowAsker(seed, 2600));
    const interaction = f.fake.runCommand("quote", { speaker: "petro" });
    const deferral = await interaction.response(3500);
    expect(deferral.type).toBe(5);
    expect(deferral.afterMs).toBeLessThan(3000);
    expect(deferral.data?.flags).toBe(MessageFlags.Ephemeral);

    const outcome = await interaction.outcome(6000);
    expect(outcome.via).toBe("edit");
    expect(messageOf(outcome).embeds[0]?.title).toBe("Quotes: Gustavo Petro");
    expect(interaction.edits).toHaveLength(1);
    expect(interaction.edits[0]?.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("GIVEN the engine fails", () => {
  it("WHEN a command fails THEN the reader gets a short private message with a reference, and the log the details", async () => {
    f.asker.use(failingAsker(seed, new Error("index file is corrupt at byte 1234")));
    const reply = messageOf(await f.fake.runCommand("why", { topic: "visa" }).outcome());
    expect(isEphemeral(reply)).toBe(true);
    const reference = /reference ([A-Z0-9]{6})/u.exec(reply.content)?.[1];
    expect(reference).toBeDefined();
    expect(reply.content).not.toContain("corrupt");
    expect(reply.content.length).toBeLessThan(200);

    const logged = f.log.lines().find((line) => line.reference === reference);
    expect(logged?.msg).toBe("answering failed");
    expect(logged).toMatchObject({ level: 50, command: "why", code: "internal" });
    expect(JSON.stringify(logged)).toContain("index file is corrupt at byte 1234");
  });

  it("WHEN a command fails THEN the bot keeps running and answers the next one", async () => {
    f.asker.use(failingAsker(seed, new TypeError("boom")));
    await f.fake.runCommand("sources").outcome();
    f.asker.use(seed);
    const next = messageOf(await f.fake.runCommand("sources").outcome());
    expect(next.embeds[0]?.title).toMatch(/^Sources:/u);
  });

  it("WHEN the question is refused (rate limit) THEN its own message is shown, privately, with nothing to report", async () => {
    f.asker.use(
      failingAsker(seed, new BackstoryError("rate_limited", "Slow down: try again in 20 seconds.")),
    );
    const reply = messageOf(await f.fake.runCommand("timeline").outcome());
    expect(reply.content).toBe("⚠️ Slow down: try again in 20 seconds.");
  });

  it("WHEN a public answer fails after deferring THEN the public placeholder goes and the error comes privately", async () => {
    quick.asker.use(failingAsker(seed, new Error("late failure"), 400));
    const interaction = quick.fake.runCommand("timeline", { private: false });
    const outcome = await interaction.outcome();
    expect(outcome.callback).toMatchObject({ type: 5, data: { flags: 0 } });
    expect(interaction.deletes).toBe(1);
    expect(outcome.via).toBe("followUp");
    expect(isEphemeral(messageOf(outcome))).toBe(true);
    expect(messageOf(outcome).content).toMatch(/reference [A-Z0-9]{6}/u);
  });
});

import { type APIMessage, MessageFlags } from "discord.js";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { handleInteraction } from "../../../src/adapters/discord/handle-interaction.js";
import type { DiscordMessage } from "../../../src/adapters/discord/message.js";
import type { InteractionResponder } from "../../../src/adapters/discord/responder.js";
import { ACTION_IDS } from "../../../src/adapters/slack/paging.js";
import { silentLogger } from "../../../src/logger.js";
import { startBotFixture } from "../../fakes/discord/bot-fixture.js";
import type { Outcome } from "../../fakes/discord/fake-discord.js";
import { messageObject } from "../../fakes/discord/payloads.js";
import { startHttpHarness } from "../../fakes/slack/harness.js";
import { blockActionForm } from "../../fakes/slack/payloads.js";
import { databaseEngines } from "../../helpers/databases.js";
import { startInsightsStand } from "../../helpers/insights.js";

const [sqlite] = databaseEngines();
if (!sqlite) throw new Error("no SQLite engine");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function messageOf(outcome: Outcome): APIMessage {
  if (!("message" in outcome)) throw new Error(`expected a message, got ${outcome.via}`);
  return outcome.message;
}

async function standWithOneQuestion() {
  const stand = await startInsightsStand(sqlite as NonNullable<typeof sqlite>);
  cleanups.push(() => stand.insights.stop());
  const answer = await stand.asker.ask({
    command: "why",
    args: { topic: "visa" },
    platform: "slack",
    user: "U1",
  });
  if (!answer.answerId) throw new Error("no answer id");
  await stand.insights.flush();
  return { stand, answerId: answer.answerId };
}

describe("GIVEN forged or replayed vote values", () => {
  it("WHEN 10,000 random values are voted THEN nothing is stored and every one is refused", async () => {
    const { stand, answerId } = await standWithOneQuestion();
    const [id] = answerId.split(".");
    const values = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 120 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{16}$/u),
        // The real question id with a made-up tag.
        fc.stringMatching(/^[A-Za-z0-9_-]{16}$/u).map((tag) => `${id}.${tag}`),
      ),
      { numRuns: 10_000, seed: 15 },
    );
    const replies = new Set<string>();
    for (const value of values) {
      replies.add(await stand.insights.vote(value, { platform: "slack", user: "U2" }, false));
    }
    expect([...replies]).toEqual(["invalid"]);
    expect(await stand.stored()).toMatchObject([{ helpful: 0, notHelpful: 0 }]);
  });

  it("WHEN another reader replays a voter's button THEN only the replayer's own vote is counted, the first stays", async () => {
    const { stand, answerId } = await standWithOneQuestion();
    expect(await stand.insights.vote(answerId, { platform: "slack", user: "U1" }, true)).toBe("noted");
    for (let i = 0; i < 5; i++) await stand.insights.vote(answerId, { platform: "slack", user: "U2" }, false);
    expect(await stand.stored()).toMatchObject([{ helpful: 1, notHelpful: 1 }]);
  });

  it("WHEN a signed id names a question that was purged THEN the vote is refused, nothing is stored", async () => {
    const { stand, answerId } = await standWithOneQuestion();
    await stand.repository.purgeBefore(Date.now() + 1000);
    expect(await stand.insights.vote(answerId, { platform: "slack", user: "U2" }, false)).toBe("invalid");
    expect(await stand.stored()).toEqual([]);
  });

  it("WHEN a made-up vote button is clicked on Discord THEN the reader is told privately and nothing changes", async () => {
    const { stand } = await standWithOneQuestion();
    const f = await startBotFixture(stand.asker, { insights: stand.insights });
    cleanups.push(() => f.stop());
    for (const customId of ["bv1:n:AAAAAAAAAAAA.AAAAAAAAAAAAAAAA", "bv1:y:x", `bv1:n:${"a".repeat(64)}`]) {
      const forged = messageObject("500000000000000009", f.fake.applicationId, {
        embeds: [{ title: "Forged" }],
        components: [{ type: 1, components: [{ type: 2, style: 2, label: "👎", custom_id: customId }] }],
      });
      const reply = messageOf(await f.fake.click(forged, customId).outcome());
      expect(reply.content).toMatch(/can no longer be rated/u);
    }
    expect(await stand.stored()).toMatchObject([{ helpful: 0, notHelpful: 0 }]);
    expect(f.fake.rejections).toEqual([]);
  });

  it("WHEN a page is asked again with a forged answer id THEN it gets no vote buttons and nothing is stored", async () => {
    const { stand } = await standWithOneQuestion();
    const again = await stand.asker.ask({
      command: "who",
      args: { name: "petro" },
      platform: "discord",
      user: "u",
      again: { answerId: "AAAAAAAAAAAA.BBBBBBBBBBBBBBBB" },
    });
    expect(again.answerId).toBeUndefined();
    expect(await stand.stored()).toHaveLength(1);
  });

  it("WHEN a made-up value is clicked on Slack THEN the reader is told privately and nothing changes", async () => {
    const { stand } = await standWithOneQuestion();
    const h = await startHttpHarness({ asker: stand.asker, insights: stand.insights });
    cleanups.push(() => h.close());
    await h.send(
      blockActionForm({
        actionId: ACTION_IDS.notHelpful,
        value: "forged.value",
        responseUrl: h.fake.responseUrl("x"),
      }),
    );
    const reply = await h.fake.responses.waitFor((r) => r.id === "x", "the reply");
    expect(String(reply.payload.text)).toMatch(/can no longer be rated/u);
    expect(await stand.stored()).toMatchObject([{ helpful: 0, notHelpful: 0 }]);
  });
});

describe("GIVEN 10,000 random custom_ids clicked on Discord", () => {
  it("THEN each gets one private reply, nothing throws, and nothing is stored", async () => {
    const { stand, answerId } = await standWithOneQuestion();
    const [id] = answerId.split(".");
    const customIds = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 100 }),
        fc.stringMatching(/^bv1:[yn]:[A-Za-z0-9_.-]{1,64}$/u),
        fc.stringMatching(/^[A-Za-z0-9_-]{16}$/u).map((tag) => `bv1:n:${id}.${tag}`),
      ),
      { numRuns: 10_000, seed: 16 },
    );
    const replies: DiscordMessage[] = [];
    const responder = replyRecorder(replies);
    for (const [i, customId] of customIds.entries()) {
      await handleInteraction(
        { kind: "button", id: String(i), customId, ephemeral: false, user: "300000000000000099" },
        responder,
        {
          asker: stand.asker,
          logger: silentLogger,
          defaultPrivate: true,
          insights: stand.insights,
          deferAfterMs: 2000,
        },
      );
    }
    expect(replies).toHaveLength(10_000);
    expect(replies.every((r) => r.flags === MessageFlags.Ephemeral && r.embeds.length === 0)).toBe(true);
    expect(await stand.stored()).toMatchObject([{ helpful: 0, notHelpful: 0 }]);
  });
});

/** A responder that keeps the replies (what Discord would show the clicker); anything else is a failure. */
function replyRecorder(replies: DiscordMessage[]): InteractionResponder {
  const unexpected = async () => {
    throw new Error("a click on a stale or forged button must be answered with a reply");
  };
  return {
    reply: async (message) => {
      replies.push(message);
    },
    deferReply: unexpected,
    update: unexpected,
    deferUpdate: unexpected,
    suggest: unexpected,
    editReply: unexpected,
    deleteReply: unexpected,
    followUp: unexpected,
  };
}

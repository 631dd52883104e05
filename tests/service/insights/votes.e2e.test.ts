import type { types } from "@slack/bolt";
import type { APIMessage } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { ACTION_IDS } from "../../../src/adapters/slack/paging.js";
import { type BotFixture, startBotFixture } from "../../fakes/discord/bot-fixture.js";
import { startEndpointFixture } from "../../fakes/discord/endpoint-fixture.js";
import type { Outcome } from "../../fakes/discord/fake-discord.js";
import { buttonId, buttonsOf, isEphemeral } from "../../fakes/discord/message-parts.js";
import { CHANNEL_ID, commandInteraction, GUILD_ID } from "../../fakes/discord/payloads.js";
import { startHttpHarness, startSocketHarness } from "../../fakes/slack/harness.js";
import {
  blockActionForm,
  blockActionPayload,
  slashCommandForm,
  slashCommandPayload,
} from "../../fakes/slack/payloads.js";
import { databaseEngines } from "../../helpers/databases.js";
import { startInsightsStand } from "../../helpers/insights.js";

const engines = databaseEngines();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function messageOf(outcome: Outcome): APIMessage {
  if (!("message" in outcome)) throw new Error(`expected a message, got ${outcome.via}`);
  return outcome.message;
}

type Blocks = types.KnownBlock[];
function slackButton(payload: Record<string, unknown>, actionId: string): string {
  for (const block of (payload.blocks as Blocks | undefined) ?? []) {
    if (block.type !== "actions") continue;
    for (const element of block.elements) {
      if (element.type === "button" && element.action_id === actionId && element.value) return element.value;
    }
  }
  throw new Error(`no ${actionId} button`);
}

describe.each(engines)("votes on $name", (engine) => {
  async function discord(): Promise<{
    f: BotFixture;
    stand: Awaited<ReturnType<typeof startInsightsStand>>;
  }> {
    const stand = await startInsightsStand(engine);
    const f = await startBotFixture(stand.asker, { insights: stand.insights });
    cleanups.push(
      () => f.stop(),
      () => stand.insights.stop(),
    );
    return { f, stand };
  }

  it("GIVEN /quote petro on the Discord gateway WHEN 👎 then 👍 are clicked THEN the question is stored once and its vote changes", async () => {
    const { f, stand } = await discord();
    const answer = messageOf(await f.fake.runCommand("quote", { speaker: "petro" }).outcome());
    expect(buttonsOf(answer).map((b) => b.label)).toEqual(
      expect.arrayContaining(["👍 Helpful", "👎 Not helpful"]),
    );
    const down = messageOf(await f.fake.click(answer, buttonId(answer, "Not helpful")).outcome());
    expect(down.content).toBe("Thanks — noted.");
    expect(isEphemeral(down)).toBe(true);

    const [question] = await stand.stored();
    expect(question).toMatchObject({
      platform: "discord",
      workspace: GUILD_ID,
      channel: CHANNEL_ID,
      command: "quote",
      args: { speaker: "petro" },
      helpful: 0,
      notHelpful: 1,
    });
    expect(question?.items).toBeGreaterThan(0);
    expect(question?.citations).toHaveLength(question?.items ?? -1);
    // A pseudonymous key, never the raw Discord id.
    expect(JSON.stringify(question)).not.toContain("300000000000000004");

    await f.fake.click(answer, buttonId(answer, "Helpful")).outcome();
    expect(await stand.stored()).toMatchObject([{ id: question?.id, helpful: 1, notHelpful: 0 }]);
  });

  it("GIVEN a long answer on Discord WHEN Next is clicked THEN the page keeps the same vote buttons and no new question is stored", async () => {
    const { f, stand } = await discord();
    const first = messageOf(await f.fake.runCommand("who", { name: "petro" }).outcome());
    const second = messageOf(await f.fake.click(first, buttonId(first, "Next")).outcome());
    expect(buttonId(second, "Helpful")).toBe(buttonId(first, "Helpful"));
    await f.fake.click(second, buttonId(second, "Not helpful")).outcome();
    expect(await stand.stored()).toMatchObject([{ command: "who", notHelpful: 1 }]);
  });

  it("GIVEN two readers on Discord THEN each has one vote, and neither is told who voted", async () => {
    const { f, stand } = await discord();
    const answer = messageOf(await f.fake.runCommand("why", { topic: "visa", private: false }).outcome());
    const a = messageOf(await f.fake.click(answer, buttonId(answer, "Helpful")).outcome());
    const b = messageOf(
      await f.fake.click(answer, buttonId(answer, "Not helpful"), { userId: "300000000000000077" }).outcome(),
    );
    expect([a.content, b.content]).toEqual(["Thanks — noted.", "Thanks — noted."]);
    expect(await stand.stored()).toMatchObject([{ helpful: 1, notHelpful: 1 }]);
  });

  it("GIVEN Discord over HTTP interactions WHEN 👎 then 👍 are clicked THEN the vote lands on the question and changes", async () => {
    const stand = await startInsightsStand(engine);
    const e = await startEndpointFixture(stand.asker, { insights: stand.insights });
    cleanups.push(
      () => e.stop(),
      () => stand.insights.stop(),
    );
    const command = e.fake.track((c) => commandInteraction(c, "why", { topic: "visa" }));
    await e.deliver(command);
    const answer = messageOf(await command.outcome());
    const down = e.fake.clickable(answer, buttonId(answer, "Not helpful"));
    const response = await e.deliver(down);
    expect(response.json()).toMatchObject({ type: 4, data: { content: "Thanks — noted.", flags: 64 } });
    expect(await stand.stored()).toMatchObject([{ platform: "discord", command: "why", notHelpful: 1 }]);
    await e.deliver(e.fake.clickable(answer, buttonId(answer, "Helpful")));
    expect(await stand.stored()).toMatchObject([{ helpful: 1, notHelpful: 0 }]);
    expect(e.fake.rejections).toEqual([]);
  });

  it("GIVEN Slack over HTTP WHEN 👎 then 👍 are clicked THEN the vote lands on the question and changes", async () => {
    const stand = await startInsightsStand(engine);
    const h = await startHttpHarness({ asker: stand.asker, insights: stand.insights });
    cleanups.push(
      () => h.close(),
      () => stand.insights.stop(),
    );
    const ack = await h.send(
      slashCommandForm({ command: "/why", text: "visa", responseUrl: h.fake.responseUrl("r1") }),
    );
    const answer = JSON.parse(ack.body) as Record<string, unknown>;
    const click = (actionId: string, id: string) =>
      h.send(
        blockActionForm({
          actionId,
          value: slackButton(answer, actionId),
          responseUrl: h.fake.responseUrl(id),
        }),
      );
    await click(ACTION_IDS.notHelpful, "r2");
    const thanks = await h.fake.responses.waitFor((r) => r.id === "r2", "the thanks");
    expect(thanks.payload).toMatchObject({
      text: "Thanks — noted.",
      response_type: "ephemeral",
      replace_original: false,
    });
    expect(await stand.stored()).toMatchObject([
      {
        platform: "slack",
        workspace: "T0TEAM",
        channel: "C0NEWS",
        command: "why",
        args: { topic: "visa" },
        notHelpful: 1,
      },
    ]);
    await click(ACTION_IDS.helpful, "r3");
    await h.fake.responses.waitFor((r) => r.id === "r3", "the second thanks");
    expect(await stand.stored()).toMatchObject([{ helpful: 1, notHelpful: 0 }]);
    expect(h.fake.rejections.entries).toEqual([]);
  });

  it("GIVEN Slack in Socket Mode WHEN 👎 is clicked THEN the vote lands on the question", async () => {
    const stand = await startInsightsStand(engine);
    const h = await startSocketHarness({ asker: stand.asker, insights: stand.insights });
    cleanups.push(
      () => h.close(),
      () => stand.insights.stop(),
    );
    h.socket.send({
      envelope_id: "e1",
      type: "slash_commands",
      payload: slashCommandPayload({
        command: "/quote",
        text: "petro",
        responseUrl: h.fake.responseUrl("s1"),
      }),
      accepts_response_payload: true,
    });
    const ack = await h.socket.received.waitFor((m) => m.envelope_id === "e1", "the ack");
    const answer = (ack as { payload: Record<string, unknown> }).payload;
    h.socket.send({
      envelope_id: "e2",
      type: "interactive",
      payload: blockActionPayload({
        actionId: ACTION_IDS.notHelpful,
        value: slackButton(answer, ACTION_IDS.notHelpful),
        responseUrl: h.fake.responseUrl("s2"),
      }),
      accepts_response_payload: false,
    });
    const thanks = await h.fake.responses.waitFor((r) => r.id === "s2", "the thanks");
    expect(thanks.payload.text).toBe("Thanks — noted.");
    expect(await stand.stored()).toMatchObject([{ platform: "slack", command: "quote", notHelpful: 1 }]);
  });
});

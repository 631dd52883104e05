import type { types } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ACTION_IDS } from "../../../src/adapters/slack/paging.js";
import { FAKE_BOT } from "../../fakes/slack/fake-slack-api.js";
import { type SocketHarness, startSocketHarness, TEST_APP_TOKEN } from "../../fakes/slack/harness.js";
import { appMentionEnvelope, blockActionPayload, slashCommandPayload } from "../../fakes/slack/payloads.js";
import { type GatedAsker, gatedAsker, type RecordingAsker, recordingAsker } from "../../helpers/askers.js";
import { blockKitProblems } from "../../helpers/block-kit-check.js";
import { seedAsker } from "../../helpers/seed-engine.js";

type Blocks = types.KnownBlock[];

/** The body of an envelope ack: the `payload` Bolt sent back with the envelope id. */
function ackPayload(ack: Record<string, unknown>): Record<string, unknown> {
  return ack.payload as Record<string, unknown>;
}

describe("Slack in Socket Mode (real Bolt app, local WebSocket)", () => {
  let h: SocketHarness;
  let asker: RecordingAsker;

  beforeAll(async () => {
    asker = recordingAsker(await seedAsker());
    h = await startSocketHarness({ asker });
  });

  afterEach(() => {
    // Slack refused nothing: every ack (judged on arrival) and every post.
    expect(h.fake.rejections.entries).toEqual([]);
  });

  afterAll(async () => {
    await h?.close();
  });

  const ackOf = (envelopeId: string) =>
    h.socket.received.waitFor((m) => m.envelope_id === envelopeId, `the ack of ${envelopeId}`);

  it("GIVEN start THEN the app-level token opened the connection through apps.connections.open", () => {
    const open = h.fake.calls.entries.find((c) => c.method === "apps.connections.open");
    expect(open?.token).toBe(TEST_APP_TOKEN);
  });

  it("GIVEN a slash_commands envelope THEN its envelope ack carries the answer and the response_url receives nothing", async () => {
    h.socket.send({
      envelope_id: "env-slash-1",
      type: "slash_commands",
      payload: slashCommandPayload({ command: "/why", text: "visa", responseUrl: h.fake.responseUrl("s1") }),
      accepts_response_payload: true,
    });
    const ack = await ackOf("env-slash-1");
    expect(ack.envelope_id).toBe("env-slash-1");
    const payload = ackPayload(ack);
    expect(payload).toMatchObject({ response_type: "ephemeral", unfurl_links: false, unfurl_media: false });
    expect((payload.blocks as Blocks)[0]).toMatchObject({ type: "header", text: { text: "Why: visa" } });
    expect(blockKitProblems({ text: String(payload.text), blocks: payload.blocks as Blocks })).toEqual([]);
    expect(asker.asked.at(-1)).toEqual({
      command: "why",
      args: { topic: "visa" },
      platform: "slack",
      user: "U0ANA",
      place: { channel: "C0NEWS", workspace: "T0TEAM" },
    });
    // Once the app has finished with the command (its listener returned), nothing went to its response_url.
    const url = h.fake.responseUrl("s1");
    await h.handled.waitFor((r) => r.responseUrl === url, "the app to finish with the command");
    expect(h.fake.responses.entries.filter((r) => r.id === "s1")).toEqual([]);
  });

  it("GIVEN a slash command the asker refuses THEN the envelope ack carries the private message", async () => {
    h.socket.send({
      envelope_id: "env-slash-3",
      type: "slash_commands",
      payload: slashCommandPayload({
        command: "/backstory",
        text: "dance",
        responseUrl: h.fake.responseUrl("s4"),
      }),
      accepts_response_payload: true,
    });
    expect(ackPayload(await ackOf("env-slash-3"))).toMatchObject({
      response_type: "ephemeral",
      text: "Unknown command “dance”. Try /help for the list.",
    });
  });

  it("GIVEN an interactive envelope for Next THEN it is acked and the page replaced", async () => {
    h.socket.send({
      envelope_id: "env-slash-2",
      type: "slash_commands",
      payload: slashCommandPayload({
        command: "/backstory",
        text: "who petro",
        responseUrl: h.fake.responseUrl("s2"),
      }),
      accepts_response_payload: true,
    });
    const first = ackPayload(await ackOf("env-slash-2"));
    const actions = (first.blocks as Blocks).find((b) => b.type === "actions");
    const next =
      actions?.type === "actions"
        ? actions.elements.find((e) => e.type === "button" && e.action_id === ACTION_IDS.next)
        : undefined;
    const value = next?.type === "button" ? next.value : undefined;
    expect(value).toBeDefined();

    h.socket.send({
      envelope_id: "env-click-1",
      type: "interactive",
      payload: blockActionPayload({
        actionId: ACTION_IDS.next,
        value: value ?? "",
        responseUrl: h.fake.responseUrl("s3"),
      }),
      accepts_response_payload: false,
    });
    expect((await ackOf("env-click-1")).envelope_id).toBe("env-click-1");
    const { payload } = await h.fake.responses.waitFor((r) => r.id === "s3", "the second page");
    expect(payload.replace_original).toBe(true);
    expect(JSON.stringify(payload.blocks)).toContain("Page 2 of");
  });

  it("GIVEN an events_api envelope with an app_mention THEN it is acked and answered in the thread", async () => {
    h.socket.send({
      envelope_id: "env-event-1",
      type: "events_api",
      payload: appMentionEnvelope({ text: `<@${FAKE_BOT.userId}> sources`, ts: "1700000000.000321" }),
      accepts_response_payload: false,
    });
    expect((await ackOf("env-event-1")).envelope_id).toBe("env-event-1");
    const call = await h.fake.calls.waitFor((c) => c.method === "chat.postMessage", "chat.postMessage");
    expect(call.args).toMatchObject({ channel: "C0NEWS", thread_ts: "1700000000.000321" });
  });
});

describe("Slack in Socket Mode when the answer is not ready within the budget", () => {
  let h: SocketHarness;
  let held: GatedAsker;

  beforeAll(async () => {
    held = gatedAsker(await seedAsker());
    h = await startSocketHarness({ asker: held, answerBudgetMs: 100 });
  });

  afterAll(async () => {
    await h?.close();
  });

  it("GIVEN an asker slower than the budget THEN the envelope is acked empty within the budget and the answer arrives at the response_url", async () => {
    h.socket.send({
      envelope_id: "env-slow-1",
      type: "slash_commands",
      payload: slashCommandPayload({
        command: "/why",
        text: "visa",
        responseUrl: h.fake.responseUrl("slow"),
      }),
      accepts_response_payload: true,
    });
    const ack = await h.socket.received.waitFor((m) => m.envelope_id === "env-slow-1", "the empty ack");
    // Acked empty while the answer is still held back: order of events, not a time bound.
    expect(ack).toEqual({ envelope_id: "env-slow-1", payload: {} });
    expect(held.waiting).toBe(1);
    held.release();
    const { payload } = await h.fake.responses.waitFor((r) => r.id === "slow", "the late answer");
    expect(payload.response_type).toBe("ephemeral");
    expect((payload.blocks as Blocks)[0]).toMatchObject({ type: "header", text: { text: "Why: visa" } });
    expect(h.socket.received.entries.filter((m) => m.envelope_id === "env-slow-1")).toHaveLength(1);
    const url = h.fake.responseUrl("slow");
    await h.handled.waitFor((r) => r.responseUrl === url, "the app to finish with the command");
    expect(h.fake.responses.entries.filter((r) => r.id === "slow")).toHaveLength(1);
    expect(h.fake.rejections.entries).toEqual([]);
  });
});

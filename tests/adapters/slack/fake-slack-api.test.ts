import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeSlackApi,
  OTHER_WORKSPACE,
  startFakeSlackApi,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
} from "../../fakes/slack/fake-slack-api.js";

// The fake is only worth its green if it refuses what Slack refuses: one payload
// per rule, each answered the way Slack answers it and kept as a rejection.

const header = (type: string, text: string) => [{ type: "header", text: { type, text } }];

/** Calls a Web API method as Bolt's client does: a form, blocks JSON-encoded, the token as a bearer. */
async function call(
  fake: FakeSlackApi,
  method: string,
  args: Record<string, unknown>,
  token: string | null = TEST_BOT_TOKEN,
): Promise<Record<string, unknown>> {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(args)) {
    form.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  const response = await fetch(`${fake.apiUrl}${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: form.toString(),
  });
  return (await response.json()) as Record<string, unknown>;
}

/** Posts to a response_url as Bolt's respond() does (JSON). */
async function respond(url: string, body: unknown, contentType = "application/json") {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the fake Slack Web API", () => {
  let fake: FakeSlackApi;
  beforeEach(async () => {
    fake = await startFakeSlackApi();
  });
  afterEach(() => fake.close());

  it("GIVEN a valid message with the bot token THEN it is posted and nothing is refused", async () => {
    const answer = await call(fake, "chat.postMessage", {
      channel: "C0NEWS",
      text: "Why: visa",
      blocks: header("plain_text", "Why: visa"),
      unfurl_links: "false",
    });
    expect(answer).toMatchObject({ ok: true, channel: "C0NEWS" });
    expect(fake.rejections.entries).toEqual([]);
  });

  it.each([
    ["no token", "chat.postMessage", { channel: "C0NEWS", text: "x" }, null, "not_authed"],
    ["an unknown token", "chat.postMessage", { channel: "C0NEWS", text: "x" }, "xoxb-nope", "invalid_auth"],
    [
      "the app-level token",
      "chat.postMessage",
      { channel: "C0NEWS", text: "x" },
      TEST_APP_TOKEN,
      "not_allowed_token_type",
    ],
    ["the bot token opening a socket", "apps.connections.open", {}, TEST_BOT_TOKEN, "not_allowed_token_type"],
    [
      "another workspace's token",
      "chat.postMessage",
      { channel: "C0NEWS", text: "x" },
      OTHER_WORKSPACE.botToken,
      "channel_not_found",
    ],
    [
      "a channel of another workspace",
      "chat.postMessage",
      { channel: OTHER_WORKSPACE.channel, text: "x" },
      TEST_BOT_TOKEN,
      "channel_not_found",
    ],
    ["no channel", "chat.postMessage", { text: "x" }, TEST_BOT_TOKEN, "channel_not_found"],
    [
      "an ephemeral message without a user",
      "chat.postEphemeral",
      { channel: "C0NEWS", text: "x" },
      TEST_BOT_TOKEN,
      "user_not_found",
    ],
    [
      "an update of a message never posted",
      "chat.update",
      { channel: "C0NEWS", ts: "1.2", text: "x" },
      TEST_BOT_TOKEN,
      "message_not_found",
    ],
    ["nothing to show", "chat.postMessage", { channel: "C0NEWS", text: " " }, TEST_BOT_TOKEN, "no_text"],
    [
      "blocks that are not a list",
      "chat.postMessage",
      { channel: "C0NEWS", blocks: "[not json" },
      TEST_BOT_TOKEN,
      "invalid_blocks_format",
    ],
    [
      "a text over 40,000 characters",
      "chat.postMessage",
      { channel: "C0NEWS", text: "x".repeat(40_001) },
      TEST_BOT_TOKEN,
      "msg_too_long",
    ],
    [
      "a mrkdwn header",
      "chat.postMessage",
      { channel: "C0NEWS", blocks: header("mrkdwn", "*h*") },
      TEST_BOT_TOKEN,
      "invalid_blocks",
    ],
    [
      "a block type Slack does not have",
      "chat.postMessage",
      { channel: "C0NEWS", blocks: [{ type: "banner" }] },
      TEST_BOT_TOKEN,
      "invalid_blocks",
    ],
    [
      "unfurl_links that is not a boolean",
      "chat.postMessage",
      { channel: "C0NEWS", text: "x", unfurl_links: "maybe" },
      TEST_BOT_TOKEN,
      "invalid_arguments",
    ],
    [
      "a thread_ts that is not a timestamp",
      "chat.postMessage",
      { channel: "C0NEWS", text: "x", thread_ts: "yesterday" },
      TEST_BOT_TOKEN,
      "invalid_arguments",
    ],
  ] as const)(
    "GIVEN %s THEN Slack's error is answered and recorded",
    async (_what, method, args, token, error) => {
      expect(await call(fake, method, args, token)).toMatchObject({ ok: false, error });
      expect(fake.rejections.entries).toHaveLength(1);
      expect(fake.rejections.entries[0]).toMatchObject({ where: `api:${method}`, error });
    },
  );

  it("GIVEN blocks breaking a rule THEN the answer lists each problem with its JSON pointer, as Slack does", async () => {
    const blocks = [
      { type: "section", text: { type: "mrkdwn", text: "s".repeat(3001) } },
      { type: "context", elements: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "c" })) },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "b".repeat(76) }, style: "bogus" }],
      },
    ];
    const answer = await call(fake, "chat.postMessage", { channel: "C0NEWS", blocks });
    expect(answer).toMatchObject({ ok: false, error: "invalid_blocks" });
    expect(answer.errors).toEqual([
      "must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
      "must provide between 1 and 10 items [json-pointer:/blocks/1/elements]",
      "must be less than 76 characters [json-pointer:/blocks/2/elements/0/text/text]",
      "must be one of primary, danger [json-pointer:/blocks/2/elements/0/style]",
    ]);
  });

  it("GIVEN an update of a message it posted THEN it is accepted", async () => {
    const posted = await call(fake, "chat.postMessage", { channel: "C0NEWS", text: "x" });
    expect(await call(fake, "chat.update", { channel: "C0NEWS", ts: posted.ts, text: "y" })).toMatchObject({
      ok: true,
    });
  });
});

describe("the fake response_url", () => {
  let fake: FakeSlackApi;
  let clock = 0;
  beforeEach(async () => {
    clock = 1_700_000_000_000;
    fake = await startFakeSlackApi({ now: () => clock });
  });
  afterEach(() => fake.close());

  it("GIVEN five posts THEN all are accepted; the sixth is refused as used_url", async () => {
    const url = fake.responseUrl("r1");
    for (let i = 0; i < 5; i++) expect((await respond(url, { text: `post ${i}` })).status).toBe(200);
    expect(await respond(url, { text: "one too many" })).toEqual({
      status: 404,
      body: { ok: false, error: "used_url" },
    });
    expect(fake.responses.entries).toHaveLength(5);
    expect(fake.rejections.entries.map((r) => r.error)).toEqual(["used_url"]);
  });

  it("GIVEN a post more than 30 minutes after the interaction THEN it is refused as expired_url", async () => {
    const url = fake.responseUrl("r1");
    clock += 30 * 60 * 1000 + 1;
    expect((await respond(url, { text: "late" })).body).toEqual({ ok: false, error: "expired_url" });
  });

  it("GIVEN a response_url Slack never issued THEN it is refused", async () => {
    const url = fake.responseUrl("real").replace("real", "made-up");
    expect((await respond(url, { text: "x" })).body).toMatchObject({ error: "expired_url" });
  });

  it.each([
    ["a body that is not JSON", "text=hello", "application/x-www-form-urlencoded", "invalid_payload"],
    [
      "a response_type Slack does not have",
      { text: "x", response_type: "everyone" },
      undefined,
      "invalid_arguments",
    ],
    [
      "replace_original that is not a boolean",
      { text: "x", replace_original: "true" },
      undefined,
      "invalid_arguments",
    ],
    ["delete_original that is not a boolean", { delete_original: 1 }, undefined, "invalid_arguments"],
    ["nothing to show", { response_type: "ephemeral" }, undefined, "no_text"],
    [
      "a button value over 2,000 characters",
      {
        blocks: [
          {
            type: "actions",
            elements: [{ type: "button", text: { type: "plain_text", text: "b" }, value: "v".repeat(2001) }],
          },
        ],
      },
      undefined,
      "invalid_blocks",
    ],
    [
      "duplicate block_ids",
      {
        blocks: [
          { type: "section", block_id: "b", text: { type: "mrkdwn", text: "a" } },
          { type: "section", block_id: "b", text: { type: "mrkdwn", text: "b" } },
        ],
      },
      undefined,
      "invalid_blocks",
    ],
    [
      "emoji on a mrkdwn text",
      { blocks: [{ type: "section", text: { type: "mrkdwn", text: "a", emoji: true } }] },
      undefined,
      "invalid_blocks",
    ],
  ] as const)(
    "GIVEN %s THEN it is refused (400) and does not count as a use",
    async (_what, body, type, error) => {
      const url = fake.responseUrl("r1");
      const answer = await respond(url, body, type);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error });
      expect(fake.responses.entries).toEqual([]);
      expect(fake.rejections.entries.map((r) => r.where)).toEqual(["response:r1"]);
    },
  );

  it("GIVEN delete_original alone THEN it is accepted", async () => {
    expect((await respond(fake.responseUrl("r1"), { delete_original: true })).status).toBe(200);
  });
});

describe("the fake judging acks", () => {
  let fake: FakeSlackApi;
  beforeEach(async () => {
    fake = await startFakeSlackApi();
  });
  afterEach(() => fake.close());

  it("GIVEN an ack later than 3 seconds THEN it is refused as operation_timeout", () => {
    expect(fake.acceptAck({ kind: "interactive", body: "", afterMs: 3001 })).toMatchObject({
      error: "operation_timeout",
    });
  });

  it("GIVEN a slash command acked with an invalid message THEN it is refused; an empty ack is fine", () => {
    const bad = JSON.stringify({ response_type: "ephemeral", blocks: header("mrkdwn", "x") });
    expect(fake.acceptAck({ kind: "slash_commands", body: bad, afterMs: 10 })?.error).toBe("invalid_blocks");
    expect(fake.acceptAck({ kind: "slash_commands", body: "", afterMs: 10 })).toBeUndefined();
    expect(fake.acceptAck({ kind: "slash_commands", body: {}, afterMs: 10 })).toBeUndefined();
    expect(fake.rejections.entries.map((r) => r.where)).toEqual(["ack:slash_commands"]);
  });
});

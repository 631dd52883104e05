import { Writable } from "node:stream";
import type { types } from "@slack/bolt";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION_IDS } from "../../../src/adapters/slack/paging.js";
import { BackstoryError } from "../../../src/core/errors.js";
import { createLogger } from "../../../src/logger.js";
import type { Asker } from "../../../src/service/asker.js";
import { type CountingAsker, countingAsker } from "../../fakes/slack/counting-asker.js";
import { FAKE_BOT, type ResponsePost } from "../../fakes/slack/fake-slack-api.js";
import {
  type HttpHarness,
  startHttpHarness,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../../fakes/slack/harness.js";
import { appMentionEnvelope, blockActionForm, slashCommandForm } from "../../fakes/slack/payloads.js";
import {
  FORM,
  JSON_TYPE,
  nowSeconds,
  post,
  postSigned,
  signatureHeaders,
} from "../../fakes/slack/signed-request.js";
import { seedAsker } from "../../helpers/seed-engine.js";
import { blockKitProblems } from "./block-kit-check.js";

type Blocks = types.KnownBlock[];

function headerOf(payload: Record<string, unknown>): string | undefined {
  const first = (payload.blocks as Blocks | undefined)?.[0];
  return first?.type === "header" ? first.text.text : undefined;
}

function buttonValue(payload: Record<string, unknown>, actionId: string): string {
  for (const block of (payload.blocks as Blocks | undefined) ?? []) {
    if (block.type !== "actions") continue;
    for (const element of block.elements) {
      if (element.type === "button" && element.action_id === actionId && element.value) return element.value;
    }
  }
  throw new Error(`no ${actionId} button in ${JSON.stringify(payload).slice(0, 300)}`);
}

function asMessage(payload: Record<string, unknown>) {
  return { text: String(payload.text), blocks: payload.blocks as Blocks };
}

describe("Slack over HTTP (real Bolt app)", () => {
  let seed: Asker;
  let asker: CountingAsker;
  let h: HttpHarness;

  beforeAll(async () => {
    seed = await seedAsker();
  });

  beforeEach(async () => {
    asker = countingAsker(seed);
    h = await startHttpHarness({ asker, maxBodyBytes: 64 * 1024 });
  });

  afterEach(async () => {
    await h.close();
  });

  async function slash(command: string, text: string, responseId = "r1") {
    const body = slashCommandForm({ command, text, responseUrl: h.fake.responseUrl(responseId) });
    return postSigned(h.eventsUrl, body, FORM, TEST_SIGNING_SECRET);
  }

  function responseFor(id: string, nth = 0): Promise<ResponsePost> {
    let seen = 0;
    return h.fake.responses.waitFor((r) => r.id === id && seen++ === nth, `response ${nth} at ${id}`);
  }

  describe("slash commands", () => {
    it("GIVEN a signed /why THEN it acks at once and answers privately through the response_url", async () => {
      const started = Date.now();
      const ack = await slash("/why", "visa");
      expect(ack).toEqual({ status: 200, body: "" });
      expect(Date.now() - started).toBeLessThan(3000);

      const { payload } = await responseFor("r1");
      expect(payload.response_type).toBe("ephemeral");
      expect(headerOf(payload)).toBe("Why: visa");
      expect(payload.text).toContain("Why: visa");
      expect(blockKitProblems(asMessage(payload))).toEqual([]);
      expect(buttonValue(payload, ACTION_IDS.share)).toContain('"c":"why"');
      expect(asker.invocations).toEqual([
        { command: "why", args: { topic: "visa" }, platform: "slack", user: "U0ANA" },
      ]);
    });

    it("GIVEN /backstory with a command and `public` THEN the answer goes to the channel", async () => {
      await slash("/backstory", "quote petro public");
      const { payload } = await responseFor("r1");
      expect(payload.response_type).toBe("in_channel");
      expect(headerOf(payload)).toBe("Quotes: Gustavo Petro");
      expect(JSON.stringify(payload.blocks)).toContain("*Gustavo Petro* — ");
      expect(JSON.stringify(payload.blocks)).not.toContain(ACTION_IDS.share);
    });

    it("GIVEN a command Slack reserves, asked through its own name THEN it still answers", async () => {
      await slash("/who", "petro");
      const { payload } = await responseFor("r1");
      expect(headerOf(payload)).toBe("Who: Gustavo Petro");
    });

    it("GIVEN an unknown command THEN a short private message says so and nothing is asked", async () => {
      await slash("/backstory", "dance <!channel>");
      const { payload } = await responseFor("r1");
      expect(payload.response_type).toBe("ephemeral");
      expect(payload.text).toBe("Unknown command “dance”. Try /help for the list.");
      expect(asker.invocations).toEqual([]);
    });

    it("GIVEN a missing option THEN the usage comes back, escaped", async () => {
      await slash("/quote", "");
      const { payload } = await responseFor("r1");
      expect(payload.text).toBe("/quote needs a speaker. Usage: /quote &lt;speaker&gt; [about]");
    });
  });

  describe("buttons", () => {
    it("GIVEN Next on a long answer THEN the same message is replaced by page 2", async () => {
      await slash("/who", "petro");
      const first = await responseFor("r1");
      const next = buttonValue(first.payload, ACTION_IDS.next);

      const body = blockActionForm({
        actionId: ACTION_IDS.next,
        value: next,
        responseUrl: h.fake.responseUrl("r2"),
      });
      expect((await postSigned(h.eventsUrl, body, FORM, TEST_SIGNING_SECRET)).status).toBe(200);
      const { payload } = await responseFor("r2");
      expect(payload.replace_original).toBe(true);
      expect(JSON.stringify(payload.blocks)).toContain("Page 2 of");
      expect(buttonValue(payload, ACTION_IDS.previous)).toContain('"p":0');
      expect(blockKitProblems(asMessage(payload))).toEqual([]);
      expect(asker.invocations.map((i) => i.command)).toEqual(["who", "who"]);
    });

    it("GIVEN Share in channel THEN the answer is posted publicly with who shared it, and the private copy removed", async () => {
      await slash("/why", "visa");
      const share = buttonValue((await responseFor("r1")).payload, ACTION_IDS.share);

      const body = blockActionForm({
        actionId: ACTION_IDS.share,
        value: share,
        responseUrl: h.fake.responseUrl("r2"),
        userId: "U0BEA",
        threadTs: "1700000000.000050",
      });
      await postSigned(h.eventsUrl, body, FORM, TEST_SIGNING_SECRET);
      const shared = await responseFor("r2", 0);
      expect(shared.payload).toMatchObject({
        response_type: "in_channel",
        replace_original: false,
        thread_ts: "1700000000.000050",
      });
      expect(JSON.stringify(shared.payload.blocks)).toContain("Shared by <@U0BEA>");
      expect(JSON.stringify(shared.payload.blocks)).not.toContain(ACTION_IDS.share);
      expect(blockKitProblems(asMessage(shared.payload), "<@U0BEA>")).toEqual([]);
      const removed = await responseFor("r2", 1);
      expect(removed.payload).toEqual({ delete_original: true });
    });

    it("GIVEN a button value that is not ours THEN the user is told and nothing is asked", async () => {
      const body = blockActionForm({
        actionId: ACTION_IDS.next,
        value: '{"v":1,"c":"why","a":{},"p":-4}',
        responseUrl: h.fake.responseUrl("r9"),
      });
      await postSigned(h.eventsUrl, body, FORM, TEST_SIGNING_SECRET);
      const { payload } = await responseFor("r9");
      expect(payload).toMatchObject({ replace_original: false });
      expect(String(payload.text)).toContain("no longer works");
      expect(asker.invocations).toEqual([]);
    });
  });

  describe("mentions", () => {
    async function mention(input: Parameters<typeof appMentionEnvelope>[0]) {
      const body = JSON.stringify(appMentionEnvelope(input));
      return postSigned(h.eventsUrl, body, JSON_TYPE, TEST_SIGNING_SECRET);
    }

    it("GIVEN @Backstory why visa THEN the answer is posted in a thread under the mention, with the bot token", async () => {
      expect(
        (await mention({ text: `<@${FAKE_BOT.userId}> why visa`, ts: "1700000000.000777" })).status,
      ).toBe(200);
      const call = await h.fake.calls.waitFor((c) => c.method === "chat.postMessage", "chat.postMessage");
      expect(call.token).toBe(TEST_BOT_TOKEN);
      expect(call.args).toMatchObject({
        channel: "C0NEWS",
        thread_ts: "1700000000.000777",
        unfurl_links: "false",
      });
      expect((call.args.blocks as Blocks)[0]).toMatchObject({ type: "header", text: { text: "Why: visa" } });
      expect(h.fake.calls.entries.filter((c) => c.method === "auth.test")).toHaveLength(1);
    });

    it("GIVEN a mention inside a thread THEN the answer stays in that thread", async () => {
      await mention({
        text: `<@${FAKE_BOT.userId}> timeline`,
        ts: "1700000000.000900",
        threadTs: "1700000000.000100",
      });
      const call = await h.fake.calls.waitFor((c) => c.method === "chat.postMessage", "chat.postMessage");
      expect(call.args.thread_ts).toBe("1700000000.000100");
    });

    it("GIVEN `private` THEN only the asker sees the answer", async () => {
      await mention({ text: `<@${FAKE_BOT.userId}> why visa private`, userId: "U0ANA" });
      const call = await h.fake.calls.waitFor((c) => c.method === "chat.postEphemeral", "chat.postEphemeral");
      expect(call.args).toMatchObject({ channel: "C0NEWS", user: "U0ANA" });
    });

    it("GIVEN a mention by a bot THEN it is ignored", async () => {
      await mention({ text: `<@${FAKE_BOT.userId}> why visa`, botId: "B0OTHER" });
      await mention({ text: `<@${FAKE_BOT.userId}> sources`, userId: "U0ANA" });
      await h.fake.calls.waitFor((c) => c.method === "chat.postMessage", "chat.postMessage");
      expect(asker.invocations.map((i) => i.command)).toEqual(["sources"]);
    });

    it("GIVEN Slack's url_verification challenge THEN the challenge is echoed", async () => {
      const body = JSON.stringify({
        token: "t",
        challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        type: "url_verification",
      });
      const result = await postSigned(h.eventsUrl, body, JSON_TYPE, TEST_SIGNING_SECRET);
      expect(result.status).toBe(200);
      expect(JSON.parse(result.body)).toEqual({
        challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      });
    });
  });

  describe("requests that must not run", () => {
    const body = () =>
      slashCommandForm({ command: "/why", text: "visa", responseUrl: h.fake.responseUrl("r1") });

    async function expectRefused(status: number, result: Promise<{ status: number }>) {
      expect((await result).status).toBe(status);
      expect(asker.invocations).toEqual([]);
      expect(h.fake.responses.entries).toEqual([]);
      expect(h.fake.calls.entries.filter((c) => c.method.startsWith("chat."))).toEqual([]);
    }

    it("GIVEN a signature made with another secret THEN 401", async () => {
      await expectRefused(401, postSigned(h.eventsUrl, body(), FORM, "not-the-secret"));
    });

    it("GIVEN a body changed after signing THEN 401", async () => {
      const headers = signatureHeaders(body(), TEST_SIGNING_SECRET, nowSeconds());
      const tampered = body().replace("visa", "tariff");
      await expectRefused(401, post(h.eventsUrl, tampered, { "content-type": FORM, ...headers }));
    });

    it("GIVEN a timestamp more than five minutes old THEN 401, even correctly signed", async () => {
      await expectRefused(
        401,
        postSigned(h.eventsUrl, body(), FORM, TEST_SIGNING_SECRET, nowSeconds() - 5 * 60 - 30),
      );
    });

    it("GIVEN a timestamp more than five minutes ahead THEN 401, even correctly signed", async () => {
      await expectRefused(
        401,
        postSigned(h.eventsUrl, body(), FORM, TEST_SIGNING_SECRET, nowSeconds() + 5 * 60 + 30),
      );
    });

    it("GIVEN no signature headers THEN 401", async () => {
      await expectRefused(401, post(h.eventsUrl, body(), { "content-type": FORM }));
    });

    it("GIVEN only one of the two headers THEN 401", async () => {
      const { "x-slack-signature": signature } = signatureHeaders(body(), TEST_SIGNING_SECRET, nowSeconds());
      await expectRefused(
        401,
        post(h.eventsUrl, body(), { "content-type": FORM, "x-slack-signature": signature ?? "" }),
      );
    });

    it("GIVEN a body over the cap THEN 413, whether its length is declared or streamed", async () => {
      const big = `text=${"a".repeat(100 * 1024)}`;
      await expectRefused(413, postSigned(h.eventsUrl, big, FORM, TEST_SIGNING_SECRET));
      const headers = {
        "content-type": FORM,
        "transfer-encoding": "chunked",
        ...signatureHeaders(big, TEST_SIGNING_SECRET, nowSeconds()),
      };
      await expectRefused(413, post(h.eventsUrl, big, headers));
    });

    it("GIVEN a signed body that is not JSON THEN 400", async () => {
      await expectRefused(400, postSigned(h.eventsUrl, "{not json", JSON_TYPE, TEST_SIGNING_SECRET));
    });

    it("GIVEN another path or method THEN 404 or 405", async () => {
      await expectRefused(404, postSigned(`${h.origin}/slack/other`, body(), FORM, TEST_SIGNING_SECRET));
      const get = await fetch(h.eventsUrl);
      expect(get.status).toBe(405);
    });
  });
});

describe("Slack over HTTP when answering fails", () => {
  it("GIVEN the asker throws an internal error THEN the user gets a reference id that the log holds with the details", async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "info",
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    const failing: Asker = {
      ask: async () => {
        throw new Error("index exploded at /srv/secret/path");
      },
      complete: () => [],
    };
    const h = await startHttpHarness({ asker: failing, logger });
    try {
      const body = slashCommandForm({ command: "/why", text: "visa", responseUrl: h.fake.responseUrl("r1") });
      await postSigned(h.eventsUrl, body, FORM, TEST_SIGNING_SECRET);
      const { payload } = await h.fake.responses.waitFor((r) => r.id === "r1", "the error response");
      const reference = /reference ([0-9A-F]{8})/u.exec(String(payload.text))?.[1];
      expect(reference).toBeDefined();
      expect(String(payload.text)).not.toContain("exploded");
      const logged = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.reference === reference);
      expect(logged).toMatchObject({ level: 50, stage: "slash_command", command: "/why" });
      expect(JSON.stringify(logged)).toContain("index exploded");
      expect(lines.join("")).not.toContain(TEST_SIGNING_SECRET);
      expect(lines.join("")).not.toContain(TEST_BOT_TOKEN);

      // The app keeps serving after the failure.
      await postSigned(h.eventsUrl, body.replace("r1", "r2"), FORM, TEST_SIGNING_SECRET);
      await h.fake.responses.waitFor((r) => r.id === "r2", "a second response");
    } finally {
      await h.close();
    }
  });

  it("GIVEN the asker refuses with a BackstoryError THEN its message is shown as is", async () => {
    const limited: Asker = {
      ask: async () => {
        throw new BackstoryError("rate_limited", "You are asking quickly. Try again in 10 seconds.");
      },
      complete: () => [],
    };
    const h = await startHttpHarness({ asker: limited });
    try {
      const body = slashCommandForm({ command: "/why", text: "visa", responseUrl: h.fake.responseUrl("r1") });
      await postSigned(h.eventsUrl, body, FORM, TEST_SIGNING_SECRET);
      const { payload } = await h.fake.responses.waitFor((r) => r.id === "r1", "the refusal");
      expect(payload).toMatchObject({
        response_type: "ephemeral",
        text: "You are asking quickly. Try again in 10 seconds.",
      });
    } finally {
      await h.close();
    }
  });

  it("GIVEN a response_url that fails THEN the error is logged and the app keeps running", async () => {
    const seed = await seedAsker();
    const h = await startHttpHarness({ asker: seed });
    try {
      const broken = `${h.origin}/nowhere`;
      const body = slashCommandForm({ command: "/why", text: "visa", responseUrl: broken });
      expect((await postSigned(h.eventsUrl, body, FORM, TEST_SIGNING_SECRET)).status).toBe(200);
      const ok = slashCommandForm({ command: "/why", text: "visa", responseUrl: h.fake.responseUrl("r2") });
      await postSigned(h.eventsUrl, ok, FORM, TEST_SIGNING_SECRET);
      await h.fake.responses.waitFor((r) => r.id === "r2", "the answer after a failure");
    } finally {
      await h.close();
    }
  });
});

describe("Slack over HTTP, checking the bot token", () => {
  it("GIVEN start THEN auth.test checks the bot token once, and a refused token rejects start until it is fixed", async () => {
    const h = await startHttpHarness({ asker: await seedAsker() });
    try {
      h.fake.failMethod("auth.test", "invalid_auth");
      await expect(h.slack.start()).rejects.toThrow(/invalid_auth/u);
      h.fake.failMethod("auth.test", "");
      // A failed check is not cached: the next request checks again, then answers.
      const body = slashCommandForm({ command: "/why", text: "visa", responseUrl: h.fake.responseUrl("r1") });
      await postSigned(h.eventsUrl, body, FORM, TEST_SIGNING_SECRET);
      await h.fake.responses.waitFor((r) => r.id === "r1", "the answer after the token was fixed");
      await h.slack.start();
      const checks = h.fake.calls.entries.filter((c) => c.method === "auth.test");
      expect(checks).toHaveLength(2);
      expect(checks.every((c) => c.token === TEST_BOT_TOKEN || c.args.token === TEST_BOT_TOKEN)).toBe(true);
    } finally {
      await h.close();
    }
  });
});

import { Writable } from "node:stream";
import type { types } from "@slack/bolt";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION_IDS } from "../../../src/adapters/slack/paging.js";
import { BackstoryError } from "../../../src/core/errors.js";
import { createLogger } from "../../../src/logger.js";
import type { Asker } from "../../../src/service/asker.js";
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
  type PostResult,
  post,
  postSigned,
  signatureHeaders,
} from "../../fakes/slack/signed-request.js";
import {
  failingAsker,
  gatedAsker,
  type RecordingAsker,
  recordingAsker,
  slowAsker,
} from "../../helpers/askers.js";
import { blockKitProblems } from "../../helpers/block-kit-check.js";
import { memoryLogger } from "../../helpers/memory-logger.js";
import { seedAsker } from "../../helpers/seed-engine.js";

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

/** The message a slash command was answered with in its ack: a 200 with a JSON body. */
function ackMessage(ack: PostResult): Record<string, unknown> {
  expect(ack.status).toBe(200);
  expect(ack.body).not.toBe("");
  return JSON.parse(ack.body) as Record<string, unknown>;
}

/** Sends a slash command as Slack does; the fake judges its ack (time, message). */
async function slashTo(h: HttpHarness, command: string, text: string, responseUrl: string) {
  return h.send(slashCommandForm({ command, text, responseUrl }));
}

/**
 * Waits until the app has finished handling the request given `responseUrl` (its
 * listener returned, every post it awaited answered), then returns what that
 * response_url received: an event to wait on instead of a "quiet period".
 */
async function postsAfterHandling(h: HttpHarness, responseUrl: string): Promise<ResponsePost[]> {
  await h.handled.waitFor((r) => r.responseUrl === responseUrl, `the app to finish with ${responseUrl}`);
  const id = responseUrl.split("/").at(-1);
  return h.fake.responses.entries.filter((r) => r.id === id);
}

/** What every test ends with: Slack refused nothing the app sent (as the Discord tests assert). */
function expectNothingRefused(h: HttpHarness): void {
  expect(h.fake.rejections.entries).toEqual([]);
}

describe("Slack over HTTP (real Bolt app)", () => {
  let seed: Asker;
  let asker: RecordingAsker;
  let h: HttpHarness;

  beforeAll(async () => {
    seed = await seedAsker();
  });

  beforeEach(async () => {
    asker = recordingAsker(seed);
    h = await startHttpHarness({ asker, maxBodyBytes: 64 * 1024 });
  });

  afterEach(async () => {
    expectNothingRefused(h);
    await h.close();
  });

  const slash = (command: string, text: string, responseId = "r1") =>
    slashTo(h, command, text, h.fake.responseUrl(responseId));

  function responseFor(id: string, nth = 0): Promise<ResponsePost> {
    let seen = 0;
    return h.fake.responses.waitFor((r) => r.id === id && seen++ === nth, `response ${nth} at ${id}`);
  }

  describe("slash commands", () => {
    it("GIVEN a signed /why THEN the ack itself carries the private answer and the response_url receives nothing", async () => {
      const started = Date.now();
      const payload = ackMessage(await slash("/why", "visa"));
      expect(Date.now() - started).toBeLessThan(3000);

      expect(payload).toMatchObject({ response_type: "ephemeral", unfurl_links: false, unfurl_media: false });
      expect(headerOf(payload)).toBe("Why: visa");
      expect(payload.text).toContain("Why: visa");
      expect(blockKitProblems(asMessage(payload))).toEqual([]);
      expect(buttonValue(payload, ACTION_IDS.share)).toContain('"c":"why"');
      expect(asker.asked).toEqual([
        {
          command: "why",
          args: { topic: "visa" },
          platform: "slack",
          user: "U0ANA",
          place: { channel: "C0NEWS", workspace: "T0TEAM" },
        },
      ]);
      expect(await postsAfterHandling(h, h.fake.responseUrl("r1"))).toEqual([]);
    });

    it("GIVEN /backstory with a command and `public` THEN the ack's answer goes to the channel", async () => {
      const payload = ackMessage(await slash("/backstory", "quote petro public"));
      expect(payload.response_type).toBe("in_channel");
      expect(headerOf(payload)).toBe("Quotes: Gustavo Petro");
      expect(JSON.stringify(payload.blocks)).toContain("*Gustavo Petro* — ");
      expect(JSON.stringify(payload.blocks)).not.toContain(ACTION_IDS.share);
    });

    it("GIVEN a command Slack reserves, asked through its own name THEN it still answers", async () => {
      const payload = ackMessage(await slash("/who", "petro"));
      expect(headerOf(payload)).toBe("Who: Gustavo Petro");
      expect(blockKitProblems(asMessage(payload))).toEqual([]);
    });

    it("GIVEN an unknown command THEN the ack is a short private message saying so and nothing is asked", async () => {
      const payload = ackMessage(await slash("/backstory", "dance <!channel>"));
      expect(payload.response_type).toBe("ephemeral");
      expect(payload.text).toBe("Unknown command “dance”. Try /help for the list.");
      expect(asker.asked).toEqual([]);
    });

    it("GIVEN a missing option THEN the usage comes back in the ack, escaped", async () => {
      const payload = ackMessage(await slash("/quote", ""));
      expect(payload.text).toBe("/quote needs a speaker. Usage: /quote &lt;speaker&gt; [about]");
    });
  });

  describe("buttons", () => {
    it("GIVEN Next on a long answer THEN the same message is replaced by page 2", async () => {
      const first = ackMessage(await slash("/who", "petro"));
      const next = buttonValue(first, ACTION_IDS.next);

      const body = blockActionForm({
        actionId: ACTION_IDS.next,
        value: next,
        responseUrl: h.fake.responseUrl("r2"),
      });
      expect((await h.send(body)).status).toBe(200);
      const { payload } = await responseFor("r2");
      expect(payload.replace_original).toBe(true);
      expect(JSON.stringify(payload.blocks)).toContain("Page 2 of");
      expect(buttonValue(payload, ACTION_IDS.previous)).toContain('"p":0');
      expect(blockKitProblems(asMessage(payload))).toEqual([]);
      expect(asker.asked.map((i) => i.command)).toEqual(["who", "who"]);
    });

    it("GIVEN Share in channel THEN the answer is posted publicly with who shared it, and the private copy removed", async () => {
      const share = buttonValue(ackMessage(await slash("/why", "visa")), ACTION_IDS.share);

      const body = blockActionForm({
        actionId: ACTION_IDS.share,
        value: share,
        responseUrl: h.fake.responseUrl("r2"),
        userId: "U0BEA",
        threadTs: "1700000000.000050",
      });
      await h.send(body);
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
      await h.send(body);
      const { payload } = await responseFor("r9");
      expect(payload).toMatchObject({ replace_original: false });
      expect(String(payload.text)).toContain("no longer works");
      expect(asker.asked).toEqual([]);
    });
  });

  describe("mentions", () => {
    async function mention(input: Parameters<typeof appMentionEnvelope>[0]) {
      return h.send(JSON.stringify(appMentionEnvelope(input)), JSON_TYPE);
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
      expect(asker.asked.map((i) => i.command)).toEqual(["sources"]);
    });

    it("GIVEN Slack's url_verification challenge THEN the challenge is echoed", async () => {
      const body = JSON.stringify({
        token: "t",
        challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        type: "url_verification",
      });
      const result = await h.send(body, JSON_TYPE);
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
      expect(asker.asked).toEqual([]);
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
  it("GIVEN the asker throws an internal error THEN the ack is a private apology with a reference id that the log holds with the details", async () => {
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
      const payload = ackMessage(await slashTo(h, "/why", "visa", h.fake.responseUrl("r1")));
      expect(payload.response_type).toBe("ephemeral");
      const reference = /reference ([A-Z0-9]{6})/u.exec(String(payload.text))?.[1];
      expect(reference).toBeDefined();
      expect(String(payload.text)).not.toContain("exploded");
      expect(blockKitProblems(asMessage(payload))).toEqual([]);
      const logged = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.reference === reference);
      expect(logged).toMatchObject({ level: 50, stage: "slash_command", command: "/why" });
      expect(JSON.stringify(logged)).toContain("index exploded");
      expect(lines.join("")).not.toContain(TEST_SIGNING_SECRET);
      expect(lines.join("")).not.toContain(TEST_BOT_TOKEN);

      // The app keeps serving after the failure, and never used the response_url.
      const again = ackMessage(await slashTo(h, "/why", "visa", h.fake.responseUrl("r2")));
      expect(String(again.text)).toMatch(/reference [A-Z0-9]{6}/u);
      expect(await postsAfterHandling(h, h.fake.responseUrl("r1"))).toEqual([]);
      expect(await postsAfterHandling(h, h.fake.responseUrl("r2"))).toEqual([]);
      expectNothingRefused(h);
    } finally {
      await h.close();
    }
  });

  it("GIVEN the asker refuses with a BackstoryError THEN the ack shows its message as is, privately", async () => {
    const limited: Asker = {
      ask: async () => {
        throw new BackstoryError("rate_limited", "You are asking quickly. Try again in 10 seconds.");
      },
      complete: () => [],
    };
    const h = await startHttpHarness({ asker: limited });
    try {
      const payload = ackMessage(await slashTo(h, "/why", "visa", h.fake.responseUrl("r1")));
      expect(payload).toMatchObject({
        response_type: "ephemeral",
        text: "You are asking quickly. Try again in 10 seconds.",
      });
      expectNothingRefused(h);
    } finally {
      await h.close();
    }
  });
});

describe("Slack over HTTP when the answer is not ready within the budget", () => {
  const BUDGET_MS = 100;
  let seed: Asker;

  beforeAll(async () => {
    seed = await seedAsker();
  });

  const unhandledErrors = (log: ReturnType<typeof memoryLogger>) =>
    log.lines().filter((l) => l.msg === "slack: unhandled error");

  it("GIVEN an asker slower than the budget THEN the command is acked empty at the budget and the answer arrives once at the response_url", async () => {
    const log = memoryLogger("debug");
    const held = gatedAsker(seed);
    const h = await startHttpHarness({ asker: held, answerBudgetMs: BUDGET_MS, logger: log.logger });
    try {
      const started = Date.now();
      const ack = await slashTo(h, "/why", "visa", h.fake.responseUrl("r1"));
      const ackedAfter = Date.now() - started;
      // Acked empty while the answer is still held back (order of events, no upper time bound),
      // and not before the budget ran out (5 ms of timer slack).
      expect(ack).toEqual({ status: 200, body: "" });
      expect(held.waiting).toBe(1);
      expect(ackedAfter).toBeGreaterThanOrEqual(BUDGET_MS - 5);
      held.release();

      const { payload } = await h.fake.responses.waitFor((r) => r.id === "r1", "the late answer");
      expect(payload).toMatchObject({ response_type: "ephemeral", unfurl_links: false });
      expect(headerOf(payload)).toBe("Why: visa");
      expect(blockKitProblems(asMessage(payload))).toEqual([]);
      expect(buttonValue(payload, ACTION_IDS.share)).toContain('"c":"why"');
      expect(await postsAfterHandling(h, h.fake.responseUrl("r1"))).toHaveLength(1);
      expect(unhandledErrors(log)).toEqual([]);
      expectNothingRefused(h);
    } finally {
      await h.close();
    }
  });

  it("GIVEN an asker that fails after the budget THEN the friendly failure arrives privately at the response_url", async () => {
    const refusal = new BackstoryError("rate_limited", "You are asking quickly. Try again in 10 seconds.");
    const h = await startHttpHarness({ asker: failingAsker(seed, refusal, 400), answerBudgetMs: BUDGET_MS });
    try {
      expect(await slashTo(h, "/why", "visa", h.fake.responseUrl("r1"))).toEqual({ status: 200, body: "" });
      const { payload } = await h.fake.responses.waitFor((r) => r.id === "r1", "the late refusal");
      expect(payload).toMatchObject({
        response_type: "ephemeral",
        text: "You are asking quickly. Try again in 10 seconds.",
      });
      expectNothingRefused(h);
    } finally {
      await h.close();
    }
  });

  it("GIVEN Bolt's ack timeout shorter than the budget THEN the budget ends first: a slow command is acked empty (200, not Bolt's 404) and answered at the response_url", async () => {
    const held = gatedAsker(seed);
    const h = await startHttpHarness({ asker: held, ackTimeoutMs: 1300 });
    try {
      expect(await slashTo(h, "/why", "visa", h.fake.responseUrl("r1"))).toEqual({ status: 200, body: "" });
      // Acked while the answer is still held back: the budget ended it, not the answer.
      expect(held.waiting).toBe(1);
      held.release();
      const { payload } = await h.fake.responses.waitFor((r) => r.id === "r1", "the late answer");
      expect(headerOf(payload)).toBe("Why: visa");
      expectNothingRefused(h);
    } finally {
      await h.close();
    }
  });

  it("GIVEN a slow answer and a response_url that fails THEN the error is logged and the app keeps running", async () => {
    const log = memoryLogger();
    const h = await startHttpHarness({
      asker: slowAsker(seed, 300),
      answerBudgetMs: BUDGET_MS,
      logger: log.logger,
    });
    try {
      const broken = `${h.origin}/nowhere`;
      expect(await slashTo(h, "/why", "visa", broken)).toEqual({ status: 200, body: "" });
      await expect.poll(() => unhandledErrors(log).length, { timeout: 5000 }).toBe(1);
      expect(await slashTo(h, "/why", "visa", h.fake.responseUrl("r2"))).toEqual({ status: 200, body: "" });
      await h.fake.responses.waitFor((r) => r.id === "r2", "the answer after a failure");
      expectNothingRefused(h);
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
      const answer = ackMessage(await slashTo(h, "/why", "visa", h.fake.responseUrl("r1")));
      expect(headerOf(answer)).toBe("Why: visa");
      await h.slack.start();
      const checks = h.fake.calls.entries.filter((c) => c.method === "auth.test");
      expect(checks).toHaveLength(2);
      expect(checks.every((c) => c.token === TEST_BOT_TOKEN || c.args.token === TEST_BOT_TOKEN)).toBe(true);
      expectNothingRefused(h);
    } finally {
      await h.close();
    }
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSlackApp } from "../../src/adapters/slack/index.js";
import type { Asker } from "../../src/service/asker.js";
import { appMentionEnvelope } from "../fakes/slack/payloads.js";
import { type RecordingAsker, recordingAsker, slowAsker } from "../helpers/askers.js";
import { type MemoryLogger, memoryLogger } from "../helpers/memory-logger.js";
import { recordFigures } from "../helpers/reliability/figures.js";
import { FlakySlack } from "../helpers/reliability/flaky-slack.js";
import { slackSignature } from "../helpers/reliability/forgeries.js";
import { FAKE_SECRETS } from "../helpers/reliability/platform-endpoints.js";
import { type RawResponse, sendRaw } from "../helpers/reliability/raw-http.js";
import { signedSlackCommand } from "../helpers/reliability/valid-requests.js";
import { seedAsker } from "../helpers/seed-engine.js";

const FIGURES = "platform-faults";
// An answer later than this goes to the response_url; the seed corpus answers far sooner.
const ANSWER_BUDGET_MS = 500;
const SLOWER_THAN_BUDGET_MS = 1000;

let slack: FlakySlack;
let server: Server;
let eventsUrl: string;
let asker: RecordingAsker;
let seed: Asker;
let log: MemoryLogger;

beforeAll(async () => {
  seed = await seedAsker();
  slack = await FlakySlack.start();
  asker = recordingAsker(seed);
  log = memoryLogger("debug");
  const app = createSlackApp({
    asker,
    logger: log.logger,
    botToken: FAKE_SECRETS.slackBotToken,
    signingSecret: FAKE_SECRETS.slackSigningSecret,
    apiUrl: slack.apiUrl,
    defaultPrivate: true,
    answerBudgetMs: ANSWER_BUDGET_MS,
  });
  const listener = app.requestListener;
  if (listener === undefined) throw new Error("no HTTP listener");
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await slack?.close();
});
afterEach(() => {
  asker.use(seed);
  // Whatever failed, nothing the app sent was a message Slack would refuse.
  expect(slack.rejections).toEqual([]);
});

async function slash(command: string, text: string, responseId: string): Promise<RawResponse> {
  const request = signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
    command,
    text,
    responseUrl: slack.responseUrl(responseId),
  });
  const ack = await sendRaw(eventsUrl, request);
  expect(ack.status).toBe(200);
  slack.judgeAck(ack.text);
  return ack;
}

async function mention(text: string, ts: string): Promise<void> {
  const body = JSON.stringify(appMentionEnvelope({ text, ts }));
  const headers = {
    "content-type": "application/json",
    ...slackSignature(body, FAKE_SECRETS.slackSigningSecret, Math.floor(Date.now() / 1000)),
  };
  expect((await sendRaw(eventsUrl, { method: "POST", headers, body })).status).toBe(200);
}

/** The Slack app still answers: a slash command is acked with the answer. */
async function expectStillAnswering(id: string): Promise<void> {
  const ack = await slash("/quote", "petro", id);
  expect(ack.text).toContain("Gustavo Petro");
}

const statuses = (target: string) => slack.hitsAt(target).map((h) => h.status);

describe("GIVEN an answer too slow for the ack and a response_url that fails", () => {
  it.each([
    ["500", { status: 500 as const }, 500],
    ["404 (expired)", { status: 404 as const }, 404],
    ["a reset connection", { reset: true as const }, 0],
  ])(
    "WHEN it answers %s THEN the answer and the apology are each tried once, the failure is logged with a reference, and the app keeps answering",
    async (name, fault, status) => {
      const id = `broken-${status}`;
      const unhandled = () =>
        log.lines().filter((l) => l.msg === "slack: unhandled error" && typeof l.reference === "string")
          .length;
      const before = unhandled();
      slack.failNext(`response:${id}`, fault, fault);
      asker.use(slowAsker(seed, SLOWER_THAN_BUDGET_MS));
      expect((await slash("/why", "visa", id)).text).toBe("");
      await slack.waitForHits(`response:${id}`, 2);
      asker.use(seed);
      expect(statuses(`response:${id}`)).toEqual([status, status]);
      await expect.poll(unhandled).toBe(before + 1);
      await expectStillAnswering(`after-${status}`);
      recordFigures(FIGURES, `slack response_url ${name}`, { attempts: statuses(`response:${id}`).length });
    },
    20_000,
  );
});

describe("GIVEN Slack's Web API failing while answering a mention", () => {
  it("WHEN chat.postMessage answers 503 once THEN the client sends it again and the answer is posted", async () => {
    const before = slack.hitsAt("api:chat.postMessage").length;
    slack.failNext("api:chat.postMessage", { status: 503 });
    await mention("<@U0BOT> why visa", "1700000001.000100");
    const hits = await slack.waitForHits("api:chat.postMessage", before + 2);
    expect(hits.slice(before).map((h) => h.status)).toEqual([503, 200]);
    expect(String(hits.at(-1)?.body.blocks)).toContain("visa");
  }, 20_000);

  it("WHEN chat.postMessage is rate limited (429, Retry-After 1 s) THEN it is sent again after the wait", async () => {
    const before = slack.hitsAt("api:chat.postMessage").length;
    slack.failNext("api:chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await mention("<@U0BOT> quote petro", "1700000002.000100");
    const hits = await slack.waitForHits("api:chat.postMessage", before + 2, 15_000);
    expect(hits.slice(before).map((h) => h.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    recordFigures(FIGURES, "slack postMessage 429", { postedAfterMs: Date.now() - started });
  }, 20_000);

  it("WHEN chat.postMessage refuses with a platform error THEN it is not retried, the asker is told privately, and it is logged", async () => {
    const before = slack.hitsAt("api:chat.postMessage").length;
    const ephemeralBefore = slack.hitsAt("api:chat.postEphemeral").length;
    slack.failNext("api:chat.postMessage", { platformError: "channel_not_found" });
    await mention("<@U0BOT> timeline", "1700000003.000100");
    const ephemeral = await slack.waitForHits("api:chat.postEphemeral", ephemeralBefore + 1);
    expect(slack.hitsAt("api:chat.postMessage").length).toBe(before + 1);
    expect(String(ephemeral.at(-1)?.body.text)).toMatch(/reference [A-Z0-9]{6}/u);
    expect(log.lines().some((l) => l.msg === "answering failed" && l.stage === "app_mention")).toBe(true);
  }, 20_000);

  it("WHEN chat.postMessage's connection is reset on every attempt THEN it is tried 3 times, then the asker is told privately", async () => {
    const before = slack.hitsAt("api:chat.postMessage").length;
    const ephemeralBefore = slack.hitsAt("api:chat.postEphemeral").length;
    slack.failNext("api:chat.postMessage", { reset: true }, { reset: true }, { reset: true });
    await mention("<@U0BOT> sources", "1700000004.000100");
    await slack.waitForHits("api:chat.postEphemeral", ephemeralBefore + 1, 15_000);
    expect(statuses("api:chat.postMessage").slice(before)).toEqual([0, 0, 0]);
    await expectStillAnswering("after-resets");
  }, 20_000);

  it("WHEN auth.test fails while a command arrives THEN nothing is answered, it is logged, and the next command is answered once Slack recovers", async () => {
    // The app learnt its identity at the first request; a new app checks the token on its first request.
    const fresh = createSlackApp({
      asker,
      logger: log.logger,
      botToken: FAKE_SECRETS.slackBotToken,
      signingSecret: FAKE_SECRETS.slackSigningSecret,
      apiUrl: slack.apiUrl,
      defaultPrivate: true,
    });
    const listener = fresh.requestListener;
    if (listener === undefined) throw new Error("no HTTP listener");
    const other = createServer(listener);
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/slack/events`;
    try {
      const asked = asker.asked.length;
      slack.failNext("api:auth.test", { status: 503 }, { status: 503 }, { status: 503 });
      const first = signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
        command: "/why",
        text: "visa",
        responseUrl: slack.responseUrl("auth-down"),
      });
      await sendRaw(url, first);
      await expect
        .poll(
          () =>
            log
              .lines()
              .find((l) => l.msg === "slack: unhandled error" && l.code === "slack_bolt_authorization_error"),
          {
            timeout: 15_000,
          },
        )
        .toBeDefined();
      expect(asker.asked.length).toBe(asked);
      expect(slack.hitsAt("response:auth-down")).toEqual([]);
      const second = signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
        command: "/why",
        text: "visa",
        responseUrl: slack.responseUrl("auth-back"),
      });
      expect((await sendRaw(url, second)).text).toContain("Why: visa");
    } finally {
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  }, 30_000);
});

import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { createDiscordSigner } from "../fakes/discord/signing.js";
import { appMentionEnvelope } from "../fakes/slack/payloads.js";
import { freePort } from "../helpers/free-port.js";
import { recordFigures } from "../helpers/reliability/figures.js";
import { FlakySlack } from "../helpers/reliability/flaky-slack.js";
import { slackSignature } from "../helpers/reliability/forgeries.js";
import { FAKE_SECRETS } from "../helpers/reliability/platform-endpoints.js";
import { sendRaw } from "../helpers/reliability/raw-http.js";
import { leakedSecrets, linesWithSecrets } from "../helpers/reliability/secret-scan.js";
import { signedDiscordCommand, signedSlackCommand } from "../helpers/reliability/valid-requests.js";
import { seedCorpusForSuite } from "../helpers/seed-corpus-copy.js";
import { spawnEntry } from "../helpers/spawn-entry.js";
import { startTestService } from "../helpers/start-test-service.js";

const FIGURES = "secrets";
const SECRETS: Record<string, string> = { ...FAKE_SECRETS };
const APPLICATION_ID = "300000000000000099";

function expectNoSecrets(output: string, lines: readonly string[]): void {
  const leaks = leakedSecrets(output, SECRETS);
  expect({ leaks, inLogLines: linesWithSecrets(lines, SECRETS) }).toEqual({ leaks: [], inLogLines: [] });
}

const corpus = seedCorpusForSuite();

describe("GIVEN known fake secrets in the configuration", () => {
  it("WHEN variables holding them are malformed THEN the configuration errors name the variables but never the values", () => {
    const env = {
      SLACK_BOT_TOKEN: `xoxp-${FAKE_SECRETS.slackBotToken.slice(5)}`,
      SLACK_APP_TOKEN: `xoxb-${FAKE_SECRETS.slackAppToken.slice(5)}`,
      SLACK_SIGNING_SECRET: FAKE_SECRETS.slackSigningSecret,
      DISCORD_TOKEN: FAKE_SECRETS.discordToken,
      DISCORD_PUBLIC_KEY: FAKE_SECRETS.discordToken,
      SLACK_API_URL: `not a url ${FAKE_SECRETS.slackSigningSecret}`,
    };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = `${(error as ConfigError).message}\n${(error as ConfigError).problems.join("\n")}`;
    expect(message).toMatch(/SLACK_BOT_TOKEN/u);
    expect(message).toMatch(/DISCORD_PUBLIC_KEY/u);
    expect(leakedSecrets(message, SECRETS)).toEqual([]);
  });
});

describe("GIVEN the whole service running every transport with fake secrets (in process, debug logs)", () => {
  it("WHEN it answers, refuses forgeries and meets platform failures THEN no log line holds a token or the signing secret", async () => {
    const slack = await FlakySlack.start();
    const discord = await FakeDiscord.start({
      token: FAKE_SECRETS.discordToken,
      applicationId: APPLICATION_ID,
    });
    const signer = createDiscordSigner();
    // Socket Mode's connection request fails at the network level; the HTTP transport works.
    slack.failNext("api:apps.connections.open", { reset: true }, { reset: true }, { reset: true });
    // Answers slower than the Slack adapter's 2-second ack budget go through the response_url.
    let slow = false;
    const app = await startTestService({
      corpusDir: corpus().corpusDir,
      snapshotDir: corpus().snapshotDir,
      captureLogs: true,
      env: {
        DISCORD_TOKEN: FAKE_SECRETS.discordToken,
        DISCORD_APPLICATION_ID: APPLICATION_ID,
        DISCORD_PUBLIC_KEY: signer.publicKeyHex,
        DISCORD_API_URL: discord.apiUrl,
        SLACK_BOT_TOKEN: FAKE_SECRETS.slackBotToken,
        SLACK_SIGNING_SECRET: FAKE_SECRETS.slackSigningSecret,
        SLACK_APP_TOKEN: FAKE_SECRETS.slackAppToken,
        SLACK_API_URL: slack.apiUrl,
        RATE_LIMIT_PER_MINUTE: "0",
      },
      wrapAsker: (inner) => ({
        ask: async (invocation) => {
          if (slow) await delay(2_300);
          return inner.ask(invocation);
        },
        complete: (source, typed) => inner.complete(source, typed),
      }),
    });
    try {
      const events = `${app.url}/slack/events`;
      // Answers on every transport.
      const answered = await sendRaw(
        events,
        signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
          command: "/why",
          text: "visa",
          responseUrl: slack.responseUrl("ok"),
        }),
      );
      expect(answered.text).toContain("Why: visa");
      slack.judgeAck(answered.text);
      const interaction = await sendRaw(
        `${app.url}/discord/interactions`,
        signedDiscordCommand(signer, APPLICATION_ID, "sources", {}),
      );
      expect(interaction.status).toBe(200);
      await discord.clientReady();
      await discord.runCommand("quote", { speaker: "petro" }).outcome(10_000);
      // Forgeries and refusals.
      const forged = signedSlackCommand("not-the-secret", {
        command: "/why",
        text: "x",
        responseUrl: slack.responseUrl("no"),
      });
      expect((await sendRaw(events, forged)).status).toBe(401);
      expect(
        (await sendRaw(events, { ...forged, headers: { "content-type": "application/json" } })).status,
      ).toBe(401);
      const unknown = await sendRaw(
        events,
        signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
          command: "/nope",
          text: "",
          responseUrl: slack.responseUrl("unknown"),
        }),
      );
      expect(JSON.parse(unknown.text)).toHaveProperty("blocks");
      slack.judgeAck(unknown.text);
      // A slow answer's response_url that fails (a question not asked before: answers are cached),
      // and a Web API whose connection is reset on every attempt.
      slack.failNext("response:broken", { status: 500 }, { status: 500 });
      slow = true;
      const late = await sendRaw(
        events,
        signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
          command: "/why",
          text: "tariff",
          responseUrl: slack.responseUrl("broken"),
        }),
      );
      expect(late).toMatchObject({ status: 200, text: "" });
      await slack.waitForHits("response:broken", 2);
      slow = false;
      slack.failNext("api:chat.postMessage", { reset: true }, { reset: true }, { reset: true });
      const body = JSON.stringify(appMentionEnvelope({ text: "<@U0BOT> why visa", ts: "1700000009.000100" }));
      const headers = {
        "content-type": "application/json",
        ...slackSignature(body, FAKE_SECRETS.slackSigningSecret, Math.floor(Date.now() / 1000)),
      };
      await sendRaw(events, { method: "POST", headers, body });
      await slack.waitForHits("api:chat.postEphemeral", 1, 15_000);
      // Nothing the service sent, answers and apologies alike, was a message Slack would refuse.
      expect(slack.rejections).toEqual([]);
      expect(discord.rejections).toEqual([]);
    } finally {
      await app.stop();
      await slack.close();
      await discord.close();
    }
    const lines = app.logs().map((line) => JSON.stringify(line));
    recordFigures(FIGURES, "service in process", {
      logLines: lines.length,
      secrets: Object.keys(SECRETS).length,
    });
    expectNoSecrets(lines.join("\n"), lines);
  }, 60_000);

  it("WHEN Slack's Web API cannot be reached at all THEN the startup check fails and is logged without the bot token", async () => {
    const port = await freePort();
    const app = await startTestService({
      corpusDir: corpus().corpusDir,
      snapshotDir: corpus().snapshotDir,
      captureLogs: true,
      role: "web",
      env: {
        SLACK_BOT_TOKEN: FAKE_SECRETS.slackBotToken,
        SLACK_SIGNING_SECRET: FAKE_SECRETS.slackSigningSecret,
        SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
      },
    });
    try {
      await expect
        .poll(
          () => app.logs().find((l) => l.msg === "Slack rejected the bot token or could not be reached"),
          {
            timeout: 15_000,
          },
        )
        .toBeDefined();
      // A command arriving meanwhile fails its authorization the same way.
      await sendRaw(
        `${app.url}/slack/events`,
        signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
          command: "/why",
          text: "visa",
          responseUrl: `http://127.0.0.1:${port}/r`,
        }),
      );
      await expect
        .poll(() => app.logs().some((l) => l.msg === "slack: unhandled error"), { timeout: 15_000 })
        .toBe(true);
    } finally {
      await app.stop();
    }
    const lines = app.logs().map((line) => JSON.stringify(line));
    recordFigures(FIGURES, "slack api unreachable", { logLines: lines.length });
    expectNoSecrets(lines.join("\n"), lines);
  }, 60_000);
});

describe("GIVEN the real entrypoint as a child process with fake secrets and debug logs", () => {
  it("WHEN the gateway login and Slack's API fail and requests arrive THEN neither stdout nor stderr holds a secret", async () => {
    const port = await freePort();
    const signer = createDiscordSigner();
    const entry = await spawnEntry("src/entry/start.ts", {
      CORPUS_DIR: corpus().corpusDir,
      SNAPSHOT_DIR: corpus().snapshotDir,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "debug",
      WATCH_CORPUS: "false",
      DISCORD_TOKEN: FAKE_SECRETS.discordToken,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_PUBLIC_KEY: signer.publicKeyHex,
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      SLACK_BOT_TOKEN: FAKE_SECRETS.slackBotToken,
      SLACK_SIGNING_SECRET: FAKE_SECRETS.slackSigningSecret,
      SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
    });
    try {
      const ready = await entry.waitForLine((l) => String(l.msg).startsWith("Backstory is ready"), 60_000);
      const url = String(ready.url);
      await entry.waitForLine((l) => l.msg === "could not connect", 30_000);
      await sendRaw(
        `${url}/slack/events`,
        signedSlackCommand("wrong-secret", {
          command: "/why",
          text: "visa",
          responseUrl: `http://127.0.0.1:${port}/r`,
        }),
      );
      await sendRaw(
        `${url}/slack/events`,
        signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
          command: "/why",
          text: "visa",
          responseUrl: `http://127.0.0.1:${port}/r`,
        }),
      );
      await sendRaw(
        `${url}/discord/interactions`,
        signedDiscordCommand(signer, APPLICATION_ID, "why", { topic: "visa" }),
      );
      await sendRaw(
        `${url}/discord/interactions`,
        signedDiscordCommand(createDiscordSigner(), APPLICATION_ID, "why", { topic: "visa" }),
      );
      await entry.waitForLine((l) => l.msg === "slack: unhandled error", 20_000);
    } finally {
      entry.child.kill("SIGTERM");
      await entry.exited;
    }
    const lines = entry.lines.map((line) => JSON.stringify(line));
    recordFigures(FIGURES, "child process", {
      stdoutLines: lines.length,
      stderrBytes: entry.stderr().length,
    });
    expectNoSecrets(`${lines.join("\n")}\n${entry.stderr()}`, lines);
  }, 90_000);
});

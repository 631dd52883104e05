import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackAuthStandIn, startSlackAuthStandIn } from "../helpers/slack-auth-stand-in.js";
import { spawnEntry } from "../helpers/spawn-entry.js";

const SECRETS = {
  SLACK_BOT_TOKEN: "xoxb-000-secret-bot-token",
  SLACK_SIGNING_SECRET: "secret-signing-value-123",
  DISCORD_PUBLIC_KEY: "b".repeat(64),
  DISCORD_APPLICATION_ID: "4242",
};

describe("logs (child process)", () => {
  let fakeSlack: SlackAuthStandIn;
  let slackApiUrl: string;

  beforeAll(async () => {
    fakeSlack = await startSlackAuthStandIn();
    slackApiUrl = fakeSlack.apiUrl;
  });

  afterAll(() => fakeSlack.close());

  it("GIVEN platform credentials and debug logging THEN no token or signing secret is ever logged", async () => {
    const entry = await spawnEntry("src/entry/web.ts", {
      ...SECRETS,
      SLACK_API_URL: slackApiUrl,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "debug",
    });
    const ready = await entry.waitForLine((l) => String(l.msg).startsWith("Backstory is ready"));
    const url = String(ready.url);
    await entry.waitForLine((l) => l.msg === "Slack bot token verified");
    const signed = {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-signature": `v0=${"0".repeat(64)}`,
      "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
      authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}`,
    };
    await fetch(`${url}/slack/events`, {
      method: "POST",
      headers: signed,
      body: "command=%2Fquote&text=petro",
    });
    await fetch(`${url}/api/ask?q=${encodeURIComponent("/quote petro")}`);
    entry.child.kill("SIGTERM");
    expect(await entry.exited).toBe(0);

    const everything = JSON.stringify(entry.lines) + entry.stderr();
    expect(entry.lines.map((l) => l.msg)).toContain(
      "on:  Slack slash commands over HTTP (POST /slack/events)",
    );
    for (const secret of [SECRETS.SLACK_BOT_TOKEN, SECRETS.SLACK_SIGNING_SECRET]) {
      expect(everything).not.toContain(secret);
    }
    const answered = entry.lines.find((l) => l.msg === "answered");
    expect(answered).toMatchObject({ command: "quote", platform: "web" });
    expect(answered).toHaveProperty("requestId");
    expect(answered).toHaveProperty("latencyMs");
  });
});

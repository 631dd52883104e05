import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DISCORD_INTERACTIONS_PATH,
  discordGatewayTransport,
  discordInteractionsTransport,
} from "../../src/adapters/discord/transports.js";
import { SLACK_EVENTS_PATH } from "../../src/adapters/slack/events-path.js";
import { slackHttpTransport, slackSocketTransport } from "../../src/adapters/slack/transports.js";
import { playgroundTransport } from "../../src/entry/transports.js";
import type { Transport, TransportContext } from "../../src/service/transports/transport.js";
import { seedCorpusForSuite } from "../helpers/seed-corpus-copy.js";
import { type SlackAuthStandIn, startSlackAuthStandIn } from "../helpers/slack-auth-stand-in.js";
import { getJson, startTestService } from "../helpers/start-test-service.js";

const PUBLIC_KEY = "a".repeat(64);

interface Readyz {
  ready: boolean;
  transports: { name: string; state: string; detail?: string }[];
}

/**
 * Stand-ins for the real transports (same names, labels, processes and needs) that
 * record what the service did with them instead of talking to a platform.
 */
function fakeTransports(
  options: { slackVerify?: () => Promise<void>; gatewayStart?: () => Promise<void> } = {},
) {
  const calls: string[] = [];
  const contexts: TransportContext[] = [];
  const stopped = (what: string) => async () => {
    calls.push(what);
  };
  const transports: Transport[] = [
    playgroundTransport,
    {
      ...discordInteractionsTransport,
      mount: async (app, context) => {
        contexts.push(context);
        app.mount(DISCORD_INTERACTIONS_PATH, (req, res) => {
          let body = "";
          req.setEncoding("utf8");
          req.on("data", (chunk: string) => {
            body += chunk;
          });
          req.on("end", () => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify({ received: body }));
          });
        });
        return { stop: async () => {} };
      },
    },
    {
      ...slackHttpTransport,
      mount: async (app) => {
        app.mount(SLACK_EVENTS_PATH, (_req, res) => {
          res.end("slack");
        });
        return { ready: (options.slackVerify ?? (async () => {}))(), stop: stopped("slack-http stopped") };
      },
    },
    {
      ...discordGatewayTransport,
      connect: async () => {
        await (options.gatewayStart ?? (async () => {}))();
        return { stop: stopped("gateway stopped") };
      },
    },
    { ...slackSocketTransport, connect: async () => ({ stop: stopped("socket stopped") }) },
  ];
  return { transports, calls, contexts };
}

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers, timeout: 10_000 }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const corpus = seedCorpusForSuite();

describe("transports on the shared web server", () => {
  it("GIVEN Discord interaction credentials THEN mounts the listener at POST /discord/interactions with the body untouched", async () => {
    const fake = fakeTransports();
    const app = await startTestService({
      corpusDir: corpus().corpusDir,
      snapshotDir: corpus().snapshotDir,
      role: "web",
      transports: fake.transports,
      env: { DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_APPLICATION_ID: "123", DEFAULT_PRIVATE: "false" },
    });
    try {
      const body = JSON.stringify({ type: 1 });
      const response = await post(`${app.url}/discord/interactions`, body, {
        "content-type": "application/json",
        "content-length": String(body.length),
      });
      expect(JSON.parse(response.text)).toEqual({ received: body });
      expect(fake.contexts[0]?.defaultPrivate).toBe(false);
      // The adapter gets the service's asker (rate limits, metrics), not a bare one.
      expect(fake.contexts[0]?.asker).toBe(app.service.asker);
      expect((await fetch(`${app.url}/discord/interactions`)).status).toBe(405);
      const chunked = await post(`${app.url}/discord/interactions`, body, { "transfer-encoding": "chunked" });
      expect(chunked.status).toBe(411);
      const ready = await getJson<Readyz>(`${app.url}/readyz`);
      expect(ready.body.transports).toEqual([{ name: "discord-interactions", state: "ready" }]);
    } finally {
      await app.stop();
    }
  });

  it("GIVEN Slack rejects the bot token THEN /readyz says so (503) while the rest keeps serving", async () => {
    const fake = fakeTransports({ slackVerify: async () => Promise.reject(new Error("invalid_auth")) });
    const app = await startTestService({
      corpusDir: corpus().corpusDir,
      snapshotDir: corpus().snapshotDir,
      role: "web",
      transports: fake.transports,
      env: { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret" },
    });
    try {
      await expect
        .poll(async () => (await getJson<Readyz>(`${app.url}/readyz`)).body.transports[0]?.state)
        .toBe("failed");
      const ready = await getJson<Readyz>(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.body.transports[0]).toEqual({
        name: "slack-http",
        state: "failed",
        detail: "invalid_auth",
      });
      expect((await fetch(`${app.url}/api/ask?q=/help`)).status).toBe(200);
    } finally {
      await app.stop();
    }
    expect(fake.calls).toContain("slack-http stopped");
  });

  it("GIVEN gateway and socket credentials on npm start THEN connects both and disconnects them on shutdown", async () => {
    const fake = fakeTransports();
    const app = await startTestService({
      corpusDir: corpus().corpusDir,
      snapshotDir: corpus().snapshotDir,
      role: "all",
      transports: fake.transports,
      env: {
        DISCORD_TOKEN: "t",
        DISCORD_APPLICATION_ID: "1",
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_APP_TOKEN: "xapp-1",
      },
    });
    const ready = await getJson<Readyz>(`${app.url}/readyz`);
    expect(ready.body).toMatchObject({
      ready: true,
      transports: [
        { name: "discord-gateway", state: "ready" },
        { name: "slack-socket", state: "ready" },
      ],
    });
    await app.stop();
    expect(fake.calls.sort()).toEqual(["gateway stopped", "socket stopped"]);
  });

  it("GIVEN the gateway cannot connect THEN npm start keeps the playground and reports the failure", async () => {
    const fake = fakeTransports({
      gatewayStart: async () => Promise.reject(new Error("An invalid token was provided.")),
    });
    const app = await startTestService({
      corpusDir: corpus().corpusDir,
      snapshotDir: corpus().snapshotDir,
      transports: fake.transports,
      env: { DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1" },
    });
    try {
      const ready = await getJson<Readyz>(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.body.transports).toEqual([
        { name: "discord-gateway", state: "failed", detail: "An invalid token was provided." },
      ]);
      expect((await fetch(`${app.url}/api/ask?q=/help`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});

describe("the real adapters, mounted", () => {
  let fakeSlack: SlackAuthStandIn;
  let slackApiUrl: string;

  beforeAll(async () => {
    fakeSlack = await startSlackAuthStandIn();
    slackApiUrl = fakeSlack.apiUrl;
  });

  afterAll(() => fakeSlack.close());

  it("GIVEN Discord and Slack HTTP credentials THEN both endpoints answer and refuse unsigned requests", async () => {
    const app = await startTestService({
      corpusDir: corpus().corpusDir,
      snapshotDir: corpus().snapshotDir,
      role: "web",
      env: {
        DISCORD_PUBLIC_KEY: PUBLIC_KEY,
        DISCORD_APPLICATION_ID: "123",
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_SIGNING_SECRET: "signing-secret",
        SLACK_API_URL: slackApiUrl,
      },
    });
    try {
      const body = JSON.stringify({ type: 1 });
      const headers = { "content-type": "application/json", "content-length": String(body.length) };
      expect((await post(`${app.url}/discord/interactions`, body, headers)).status).toBe(401);
      expect((await post(`${app.url}/slack/events`, body, headers)).status).toBe(401);
      await expect.poll(async () => (await getJson<Readyz>(`${app.url}/readyz`)).body.ready).toBe(true);
    } finally {
      await app.stop();
    }
  });
});

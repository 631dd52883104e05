import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDiscordSigner } from "../fakes/discord/signing.js";
import { slashCommandForm } from "../fakes/slack/payloads.js";
import { recordFigures, Tally } from "../helpers/reliability/figures.js";
import {
  discordForgery,
  type Forgery,
  slackForgery,
  slackSignature,
} from "../helpers/reliability/forgeries.js";
import {
  FAKE_SECRETS,
  type PlatformEndpoints,
  startPlatformEndpoints,
} from "../helpers/reliability/platform-endpoints.js";
import { closeIdleConnections, type RawResponse, sendRaw } from "../helpers/reliability/raw-http.js";
import { signedDiscordCommand, signedSlackCommand } from "../helpers/reliability/valid-requests.js";
import { copySeedCorpus, type SeedCorpusCopy } from "../helpers/seed-corpus-copy.js";
import { seedAsker } from "../helpers/seed-engine.js";
import { startTestService, type TestService } from "../helpers/start-test-service.js";

const FORGERIES_PER_ENDPOINT = 2500;
const FORGERIES_PER_ENDPOINT_VIA_SERVICE = 400;
const FIGURES = "forged-requests";

let endpoints: PlatformEndpoints;
beforeAll(async () => {
  endpoints = await startPlatformEndpoints({ asker: await seedAsker(), maxBodyBytes: 64 * 1024 });
});
afterEach(() => {
  // Whatever got through, Slack refused nothing the app sent.
  expect(endpoints.slackApi.rejections.entries).toEqual([]);
});
afterAll(async () => {
  await endpoints?.close();
  closeIdleConnections();
});

/** Sends every generated forgery and checks its status; returns the tally of kinds and statuses. */
async function expectAllRefused(
  url: string,
  forgeries: fc.Arbitrary<Forgery>,
  runs: number,
  expected: (forgery: Forgery) => number = (f) => f.status,
): Promise<Tally> {
  const tally = new Tally();
  await fc.assert(
    fc.asyncProperty(forgeries, async (forgery) => {
      const response = await sendRaw(url, forgery.request);
      expect({ kind: forgery.kind, status: response.status }).toEqual({
        kind: forgery.kind,
        status: expected(forgery),
      });
      tally.add(`${forgery.kind} → ${response.status}`);
    }),
    { numRuns: runs },
  );
  return tally;
}

/** Opens a connection, promises a 64 KiB body, sends `bytes` of it and closes. */
function hangUpMidBody(url: string, bytes: number): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 65536\r\n\r\n${"{".repeat(bytes)}`,
        () => socket.destroy(),
      );
    });
    socket.on("close", () => resolve());
    socket.on("error", () => resolve());
  });
}

function json(response: RawResponse): unknown {
  return JSON.parse(response.text);
}

/** The header of the answer a Slack command was acked with, if the ack carried one. */
function ackedHeader(response: RawResponse): string | undefined {
  const first = (json(response) as { blocks?: { type: string; text?: { text?: string } }[] }).blocks?.[0];
  return first?.type === "header" ? first.text?.text : undefined;
}

describe("GIVEN forged requests to the Discord interactions endpoint (the adapter's own listener)", () => {
  it(`WHEN ${FORGERIES_PER_ENDPOINT} generated forgeries arrive THEN each is refused (400, 401, 405 or 413), none reaches a command, and a genuine request is still answered`, async () => {
    const forgeries = discordForgery(endpoints.signer, createDiscordSigner(), endpoints.applicationId, {
      maxBodyBytes: endpoints.maxBodyBytes,
    });
    const tally = await expectAllRefused(endpoints.discordUrl, forgeries, FORGERIES_PER_ENDPOINT);
    expect(tally.total).toBe(FORGERIES_PER_ENDPOINT);
    expect(endpoints.asker.asked).toEqual([]);
    recordFigures(FIGURES, "discord adapter", { cases: tally.total, outcomes: tally.counts });

    const genuine = signedDiscordCommand(endpoints.signer, endpoints.applicationId, "quote", {
      speaker: "petro",
    });
    const response = await sendRaw(endpoints.discordUrl, genuine);
    expect(response.status).toBe(200);
    expect(json(response)).toMatchObject({ type: 4, data: { embeds: [{ title: "Quotes: Gustavo Petro" }] } });
    expect(endpoints.asker.asked.map((i) => i.command)).toEqual(["quote"]);
    endpoints.asker.asked.length = 0;
  }, 120_000);
});

describe("GIVEN a genuine Discord request with an unexpected content type", () => {
  it("WHEN it is signed by Discord's key THEN it is answered: the signature, not the header, proves where it came from", async () => {
    const genuine = signedDiscordCommand(endpoints.signer, endpoints.applicationId, "sources", {});
    const response = await sendRaw(endpoints.discordUrl, {
      ...genuine,
      headers: { ...genuine.headers, "content-type": "text/plain" },
    });
    expect(response.status).toBe(200);
    expect(endpoints.asker.asked.map((i) => i.command)).toEqual(["sources"]);
    endpoints.asker.asked.length = 0;
  });
});

describe("GIVEN forged requests to the Slack events endpoint (the adapter's own listener)", () => {
  it(`WHEN ${FORGERIES_PER_ENDPOINT} generated forgeries arrive THEN each is refused (400, 401, 405 or 413), none reaches a command or the response_url, and a genuine request is still answered in its ack`, async () => {
    const responseUrl = endpoints.slackApi.responseUrl("forged");
    const forgeries = slackForgery(FAKE_SECRETS.slackSigningSecret, responseUrl, {
      maxBodyBytes: endpoints.maxBodyBytes,
    });
    const tally = await expectAllRefused(endpoints.slackUrl, forgeries, FORGERIES_PER_ENDPOINT);
    expect(tally.total).toBe(FORGERIES_PER_ENDPOINT);
    expect(endpoints.asker.asked).toEqual([]);
    expect(endpoints.slackApi.responses.entries).toEqual([]);
    recordFigures(FIGURES, "slack adapter", { cases: tally.total, outcomes: tally.counts });

    const genuine = signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
      command: "/quote",
      text: "petro",
      responseUrl: endpoints.slackApi.responseUrl("genuine"),
    });
    const response = await sendRaw(endpoints.slackUrl, genuine);
    expect(response.status).toBe(200);
    expect(ackedHeader(response)).toBe("Quotes: Gustavo Petro");
    expect(endpoints.asker.asked.map((i) => i.command)).toEqual(["quote"]);
    endpoints.asker.asked.length = 0;
  }, 120_000);

  it("WHEN an unsigned ssl_check smuggles a slash command THEN Slack's SSL check is answered and nothing else runs", async () => {
    const body = `ssl_check=1&${slashCommandForm({
      command: "/quote",
      text: "petro",
      responseUrl: endpoints.slackApi.responseUrl("smuggled"),
    })}`;
    const response = await sendRaw(endpoints.slackUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(response.status).toBe(200);
    // Had it run as a command, its ack would carry the answer (asked before the ack is sent):
    // an empty ack and no question asked show it did not, with no waiting.
    expect(response.text).toBe("");
    expect(endpoints.asker.asked).toEqual([]);
    expect(endpoints.slackApi.responses.entries.filter((r) => r.id === "smuggled")).toEqual([]);
  });

  it("WHEN a validly signed body is JSON null THEN 400 at once, with no unhandled error", async () => {
    for (const [type, body] of [
      ["application/json", "null"],
      ["application/x-www-form-urlencoded", "payload=null"],
    ] as const) {
      const headers = {
        "content-type": type,
        ...slackSignature(body, FAKE_SECRETS.slackSigningSecret, Math.floor(Date.now() / 1000)),
      };
      const response = await sendRaw(endpoints.slackUrl, { method: "POST", headers, body }, 3000);
      expect(response.status).toBe(400);
    }
    expect(endpoints.asker.asked).toEqual([]);
  });

  it("WHEN an unsigned url_verification challenge arrives THEN 401: the challenge is echoed only to Slack", async () => {
    const response = await sendRaw(endpoints.slackUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "url_verification", challenge: "attacker", token: "x" }),
    });
    expect(response.status).toBe(401);
    expect(response.text).not.toContain("attacker");
  });
});

describe("GIVEN clients that hang up in the middle of a body", () => {
  it("WHEN 50 connections per endpoint promise a body and close after part of it THEN nothing is asked and genuine requests are still answered", async () => {
    const hangUps = [endpoints.discordUrl, endpoints.slackUrl].flatMap((url) =>
      Array.from({ length: 50 }, (_, i) => hangUpMidBody(url, 10 + i * 97)),
    );
    await Promise.all(hangUps);
    expect(endpoints.asker.asked).toEqual([]);
    const discord = await sendRaw(
      endpoints.discordUrl,
      signedDiscordCommand(endpoints.signer, endpoints.applicationId, "sources", {}),
    );
    expect(discord.status).toBe(200);
    const slack = signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
      command: "/sources",
      text: "",
      responseUrl: endpoints.slackApi.responseUrl("after-hang-ups"),
    });
    const answered = await sendRaw(endpoints.slackUrl, slack);
    expect(answered.status).toBe(200);
    expect(ackedHeader(answered)).toEqual(expect.any(String));
    expect(endpoints.asker.asked.map((i) => i.command)).toEqual(["sources", "sources"]);
    endpoints.asker.asked.length = 0;
  }, 30_000);
});

describe("GIVEN a genuine request captured and replayed unchanged (what signatures cannot stop)", () => {
  it("WHEN it is replayed within five minutes THEN it is answered again, and once the five minutes pass it is refused", async () => {
    const at = Math.floor(Date.now() / 1000) - 290;
    const body = slashCommandForm({
      command: "/sources",
      text: "",
      responseUrl: endpoints.slackApi.responseUrl("replayed"),
    });
    const captured = {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignature(body, FAKE_SECRETS.slackSigningSecret, at),
      },
      body,
    };
    const first = await sendRaw(endpoints.slackUrl, captured);
    expect(first.status).toBe(200);
    expect(ackedHeader(first)).toEqual(expect.any(String));
    const stale = slackSignature(body, FAKE_SECRETS.slackSigningSecret, at - 20);
    expect(
      (await sendRaw(endpoints.slackUrl, { ...captured, headers: { ...captured.headers, ...stale } })).status,
    ).toBe(401);
    expect(endpoints.asker.asked.map((i) => i.command)).toEqual(["sources"]);
    endpoints.asker.asked.length = 0;
  });
});

describe("GIVEN forged requests to the whole web service (both adapters mounted by the service)", () => {
  let corpus: SeedCorpusCopy;
  let app: TestService;
  let asked = 0;
  const signer = createDiscordSigner();
  const applicationId = "4242";

  beforeAll(async () => {
    corpus = await copySeedCorpus();
    app = await startTestService({
      corpusDir: corpus.corpusDir,
      snapshotDir: corpus.snapshotDir,
      role: "web",
      env: {
        DISCORD_PUBLIC_KEY: signer.publicKeyHex,
        DISCORD_APPLICATION_ID: applicationId,
        DISCORD_API_URL: "http://127.0.0.1:9/api",
        SLACK_BOT_TOKEN: FAKE_SECRETS.slackBotToken,
        SLACK_SIGNING_SECRET: FAKE_SECRETS.slackSigningSecret,
        SLACK_API_URL: endpoints.slackApi.apiUrl,
        MAX_BODY_BYTES: String(64 * 1024),
      },
      wrapAsker: (inner) => ({
        ask: (invocation) => {
          asked++;
          return inner.ask(invocation);
        },
        complete: (source, typed) => inner.complete(source, typed),
      }),
    });
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await corpus?.remove();
  });

  // The service refuses a chunked body on a platform path before the adapter sees it (411).
  const viaService = (f: Forgery) => (f.request.chunked ? 411 : f.status);

  it(`WHEN ${FORGERIES_PER_ENDPOINT_VIA_SERVICE} forgeries per endpoint arrive THEN each is refused, nothing is asked, and genuine requests are answered after them`, async () => {
    const discord = await expectAllRefused(
      `${app.url}/discord/interactions`,
      discordForgery(signer, createDiscordSigner(), applicationId, { maxBodyBytes: 64 * 1024 }),
      FORGERIES_PER_ENDPOINT_VIA_SERVICE,
      viaService,
    );
    const slack = await expectAllRefused(
      `${app.url}/slack/events`,
      slackForgery(FAKE_SECRETS.slackSigningSecret, endpoints.slackApi.responseUrl("via-service"), {
        maxBodyBytes: 64 * 1024,
      }),
      FORGERIES_PER_ENDPOINT_VIA_SERVICE,
      viaService,
    );
    expect(asked).toBe(0);
    recordFigures(FIGURES, "service", {
      cases: discord.total + slack.total,
      discord: discord.counts,
      slack: slack.counts,
    });

    const discordGenuine = signedDiscordCommand(signer, applicationId, "sources", {});
    const discordResponse = await sendRaw(`${app.url}/discord/interactions`, discordGenuine);
    expect(discordResponse.status).toBe(200);
    const slackGenuine = signedSlackCommand(FAKE_SECRETS.slackSigningSecret, {
      command: "/sources",
      text: "",
      responseUrl: endpoints.slackApi.responseUrl("service-genuine"),
    });
    const slackResponse = await sendRaw(`${app.url}/slack/events`, slackGenuine);
    expect(slackResponse.status).toBe(200);
    expect(ackedHeader(slackResponse)).toEqual(expect.any(String));
    expect(asked).toBe(2);
  }, 120_000);
});

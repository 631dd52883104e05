import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIMessage } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDiscordInteractionsListener } from "../../src/adapters/discord/index.js";
import type { Asker } from "../../src/service/asker.js";
import { postTo } from "../fakes/discord/endpoint-fixture.js";
import { FakeDiscord, type Outcome } from "../fakes/discord/fake-discord.js";
import { commandInteraction } from "../fakes/discord/payloads.js";
import { createDiscordSigner } from "../fakes/discord/signing.js";
import { slowAsker } from "../helpers/askers.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { type FaultyBot, startFaultyBot } from "../helpers/reliability/faulty-bot.js";
import { FaultyDiscord } from "../helpers/reliability/faulty-discord.js";
import { recordFigures } from "../helpers/reliability/figures.js";
import { seedAsker } from "../helpers/seed-engine.js";

const FIGURES = "platform-faults";
const isCallback = (method: string, route: string) => method === "POST" && route.endsWith("/callback");
const isEdit = (method: string, route: string) => method === "PATCH" && route.endsWith("/messages/@original");

// The bot defers after 1 s, so a 1.5 s answer goes through "thinking…" and an edit.
const DEFER_AFTER_MS = 1000;
let f: FaultyBot;
let seed: Asker;
beforeAll(async () => {
  seed = await seedAsker();
  f = await startFaultyBot(seed, { deferAfterMs: DEFER_AFTER_MS });
}, 30_000);
afterAll(async () => {
  await f?.stop();
});
afterEach(() => {
  // Whatever the proxy did, nothing the bot sent was a payload Discord would refuse.
  expect(f.fake.rejections).toEqual([]);
  f.asker.use(seed);
});

function messageOf(outcome: Outcome): APIMessage {
  if (!("message" in outcome)) throw new Error(`expected a message, got ${outcome.via}`);
  return outcome.message;
}

function statusesAt(matches: (method: string, route: string) => boolean, token: string): number[] {
  return f.proxy.attemptsAt((m, r) => matches(m, r) && r.includes(token)).map((a) => a.status);
}

describe("GIVEN Discord's REST API failing while the gateway bot answers", () => {
  it("WHEN the reply is answered 500 once THEN discord.js sends it again and the reader gets the answer", async () => {
    f.proxy.failNext(isCallback, { status: 500 });
    const interaction = f.fake.runCommand("quote", { speaker: "petro" });
    const message = messageOf(await interaction.outcome(10_000));
    expect(message.embeds[0]?.title).toBe("Quotes: Gustavo Petro");
    await expect.poll(() => statusesAt(isCallback, interaction.token)).toEqual([500, 204]);
  }, 20_000);

  it("WHEN the reply is rate limited (429, Retry-After 0.3 s) THEN it is sent again after the wait, within Discord's 3 seconds", async () => {
    f.proxy.failNext(isCallback, { status: 429, retryAfterSeconds: 0.3 });
    const interaction = f.fake.runCommand("why", { topic: "visa" });
    const message = messageOf(await interaction.outcome(10_000));
    expect(message.embeds[0]?.title).toBe("Why: visa");
    await expect.poll(() => statusesAt(isCallback, interaction.token)).toEqual([429, 204]);
    const first = await interaction.response();
    expect(first.afterMs).toBeGreaterThanOrEqual(300);
    expect(first.afterMs).toBeLessThan(3000);
    recordFigures(FIGURES, "discord reply 429", { answeredAfterMs: first.afterMs });
  }, 20_000);

  it("WHEN every attempt at the reply fails (500 four times) THEN discord.js gives up after 3 retries, the failure is logged with a reference, and the next command is answered", async () => {
    f.proxy.failNext(isCallback, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const interaction = f.fake.runCommand("sources");
    await expect
      .poll(() => statusesAt(isCallback, interaction.token), { timeout: 10_000 })
      .toEqual([500, 500, 500, 500]);
    await expect
      .poll(
        () => f.log.lines().find((l) => l.msg === "answering failed" && l.interactionId === interaction.id),
        {
          timeout: 10_000,
        },
      )
      .toMatchObject({ level: 50, reference: expect.stringMatching(/^[A-Z0-9]{6}$/u) });
    expect(interaction.callbacks).toEqual([]);

    const next = f.fake.runCommand("quote", { speaker: "petro" });
    expect(messageOf(await next.outcome(10_000)).embeds[0]?.title).toBe("Quotes: Gustavo Petro");
    recordFigures(FIGURES, "discord reply 500x4", { attempts: 4, loggedAndRecovered: true });
  }, 30_000);

  it("WHEN the edit after a deferral is answered 500 once THEN it is sent again and the answer replaces “thinking…”", async () => {
    f.asker.use(slowAsker(seed, DEFER_AFTER_MS + 500));
    f.proxy.failNext(isEdit, { status: 502 });
    const interaction = f.fake.runCommand("quote", { speaker: "petro" });
    const outcome = await interaction.outcome(15_000);
    expect(outcome.via).toBe("edit");
    expect(messageOf(outcome).embeds[0]?.title).toBe("Quotes: Gustavo Petro");
    await expect.poll(() => statusesAt(isEdit, interaction.token)).toEqual([502, 200]);
  }, 20_000);

  it("WHEN the edit is rate limited (429, Retry-After 0.5 s) THEN it is sent again after the wait", async () => {
    f.asker.use(slowAsker(seed, DEFER_AFTER_MS + 500));
    f.proxy.failNext(isEdit, { status: 429, retryAfterSeconds: 0.5 });
    const interaction = f.fake.runCommand("timeline");
    const outcome = await interaction.outcome(15_000);
    expect(outcome.via).toBe("edit");
    await expect.poll(() => statusesAt(isEdit, interaction.token)).toEqual([429, 200]);
  }, 20_000);
});

describe("GIVEN the gateway misbehaving", () => {
  async function expectAnsweredAfter(fault: () => void): Promise<number> {
    const before = f.proxy.sessionStarts;
    const started = Date.now();
    fault();
    await f.proxy.sessionStartedAfter(before, 20_000);
    await f.fake.clientReady(5000);
    const interaction = f.fake.runCommand("quote", { speaker: "petro" });
    expect(messageOf(await interaction.outcome(10_000)).embeds[0]?.title).toBe("Quotes: Gustavo Petro");
    return Date.now() - started;
  }

  /** What the gateway saw so far: identifies, and resumes it accepted or refused. */
  function gatewayCounts() {
    const log = f.fake.gatewayLog;
    const outcomes = (o: string) => log.resumeOutcomes.filter((x) => x === o).length;
    return { identifies: log.identifies.length, resumed: outcomes("resumed"), refused: outcomes("invalid") };
  }

  /** The bot came back by resuming its session (accepted by the gateway), not by identifying anew. */
  function expectResumed(before: ReturnType<typeof gatewayCounts>): void {
    expect(gatewayCounts()).toEqual({ ...before, resumed: before.resumed + 1 });
    expect(f.fake.gatewayLog.resumes.at(-1)).toMatchObject({
      token: f.fake.token,
      session_id: expect.stringMatching(/^fake-session-/u),
      seq: expect.any(Number),
    });
  }

  it("WHEN the connection drops without a close frame THEN the bot resumes and answers the next command", async () => {
    const before = gatewayCounts();
    const ms = await expectAnsweredAfter(() => f.proxy.dropConnections());
    expectResumed(before);
    recordFigures(FIGURES, "gateway drop", { answeredAgainAfterMs: ms });
  }, 30_000);

  it("WHEN a command is run while the connection is down THEN the gateway replays it on resume and the bot answers it", async () => {
    const before = gatewayCounts();
    const replayedBefore = f.fake.gatewayLog.replayed.length;
    const sessions = f.proxy.sessionStarts;
    f.proxy.dropConnections();
    const missed = f.fake.runCommand("quote", { speaker: "petro" });
    await f.proxy.sessionStartedAfter(sessions, 20_000);
    expect(messageOf(await missed.outcome(10_000)).embeds[0]?.title).toBe("Quotes: Gustavo Petro");
    expectResumed(before);
    expect(f.fake.gatewayLog.replayed.slice(replayedBefore)).toEqual(["INTERACTION_CREATE"]);
  }, 30_000);

  it("WHEN Discord asks the bot to reconnect (op 7 RECONNECT) THEN it resumes and answers the next command", async () => {
    const before = gatewayCounts();
    const ms = await expectAnsweredAfter(() => f.proxy.sendToBot({ op: 7, d: null }));
    expectResumed(before);
    recordFigures(FIGURES, "gateway reconnect", { answeredAgainAfterMs: ms });
  }, 30_000);

  it("WHEN Discord invalidates the session (op 9, resumable) THEN the bot resumes, not re-identifies, and answers", async () => {
    const before = gatewayCounts();
    const ms = await expectAnsweredAfter(() => f.proxy.sendToBot({ op: 9, d: true }));
    expectResumed(before);
    recordFigures(FIGURES, "gateway invalid session (resumable)", { answeredAgainAfterMs: ms });
  }, 30_000);

  it("WHEN Discord invalidates the session (op 9, not resumable) THEN the bot identifies anew, without resuming, and answers", async () => {
    const before = gatewayCounts();
    const ms = await expectAnsweredAfter(() => f.proxy.sendToBot({ op: 9, d: false }));
    expect(gatewayCounts()).toEqual({ ...before, identifies: before.identifies + 1 });
    expect(f.fake.gatewayLog.identifies.at(-1)).toMatchObject({ token: f.fake.token });
    recordFigures(FIGURES, "gateway invalid session (not resumable)", { answeredAgainAfterMs: ms });
  }, 30_000);
});

describe("GIVEN the HTTP interactions endpoint editing a deferred answer through a failing REST API", () => {
  let fake: FakeDiscord;
  let proxy: FaultyDiscord;
  let server: Server;
  let url: string;
  const signer = createDiscordSigner();
  const log = memoryLogger();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    proxy = await FaultyDiscord.start(fake);
    const listener = createDiscordInteractionsListener({
      asker: slowAsker(await seedAsker(), 400),
      logger: log.logger,
      defaultPrivate: true,
      applicationId: fake.applicationId,
      publicKey: signer.publicKeyHex,
      apiUrl: proxy.apiUrl,
      deferAfterMs: 100,
    });
    server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await proxy?.close();
    await fake?.close();
  });

  it.each([
    ["500", { status: 500 }],
    ["429 with Retry-After 0.3 s", { status: 429, retryAfterSeconds: 0.3 }],
  ])(
    "WHEN the edit is answered %s THEN it is sent again and the answer arrives",
    async (_name, fault) => {
      proxy.failNext(isEdit, fault);
      const interaction = fake.track((c) => commandInteraction(c, "quote", { speaker: "petro" }));
      const body = JSON.stringify(interaction.payload);
      const response = await postTo(url, body, signer.headers(body));
      expect(response.json()).toEqual({ type: 5, data: { flags: 64 } });
      expect(fake.acceptCallback(interaction, response.json()).status).toBe(204);
      const outcome = await interaction.outcome(10_000);
      expect(outcome.via).toBe("edit");
      expect(messageOf(outcome).embeds[0]?.title).toBe("Quotes: Gustavo Petro");
      await expect
        .poll(() =>
          proxy.attemptsAt((m, r) => isEdit(m, r) && r.includes(interaction.token)).map((a) => a.status),
        )
        .toEqual([fault.status, 200]);
      expect(fake.rejections).toEqual([]);
    },
    20_000,
  );
});

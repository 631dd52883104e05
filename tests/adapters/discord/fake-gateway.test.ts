import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { Recorded } from "../../fakes/slack/wait-for.js";

// The gateway tests of the bot trust the fake to resume only what Discord resumes;
// these speak the protocol by hand to show each rule.

const GUILDS = 1;
const GUILD_MEMBERS = 1 << 1;

interface Frame {
  op: number;
  t?: string | null;
  s?: number | null;
  d?: unknown;
}

/** A hand-driven gateway client: what it received, and how its connection closed. */
interface Client {
  frames: Recorded<Frame>;
  closed: Promise<number>;
  send(op: number, d: unknown): void;
  close(code?: number): Promise<void>;
}

async function connect(fake: FakeDiscord): Promise<Client> {
  const socket = new WebSocket(`${fake.gatewayUrl}/?v=10&encoding=json`);
  const frames = new Recorded<Frame>();
  socket.on("message", (data) => frames.push(JSON.parse(String(data)) as Frame));
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  await frames.waitFor((f) => f.op === 10, "HELLO");
  return {
    frames,
    closed,
    send: (op, d) => socket.send(JSON.stringify({ op, d })),
    close: async (code = 4999) => {
      socket.close(code);
      await closed;
    },
  };
}

const dispatched = (client: Client, t: string) => client.frames.waitFor((f) => f.t === t, t);

/** Identifies and returns the session id and the sequence reached. */
async function identify(client: Client, fake: FakeDiscord, intents = GUILDS) {
  client.send(2, { token: fake.token, intents, properties: { os: "linux", browser: "t", device: "t" } });
  const ready = await dispatched(client, "READY");
  return { sessionId: (ready.d as { session_id: string }).session_id, seq: ready.s ?? 0 };
}

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await FakeDiscord.start();
});
afterEach(async () => {
  await fake.close();
});

describe("GIVEN the fake Discord gateway", () => {
  it("WHEN a client identifies with a wrong token THEN the connection is closed with 4004", async () => {
    const client = await connect(fake);
    client.send(2, { token: "not-the-token", intents: GUILDS, properties: {} });
    expect(await client.closed).toBe(4004);
  });

  it("WHEN a client identifies without intents or with unknown bits THEN it is closed with 4013", async () => {
    for (const intents of [undefined, 1 << 30]) {
      const client = await connect(fake);
      client.send(2, { token: fake.token, intents, properties: {} });
      expect(await client.closed).toBe(4013);
    }
  });

  it("WHEN a client asks for a privileged intent the application was not granted THEN it is closed with 4014", async () => {
    const client = await connect(fake);
    client.send(2, { token: fake.token, intents: GUILDS | GUILD_MEMBERS, properties: {} });
    expect(await client.closed).toBe(4014);
  });

  it("WHEN a client identifies twice on one connection THEN it is closed with 4005", async () => {
    const client = await connect(fake);
    await identify(client, fake);
    client.send(2, { token: fake.token, intents: GUILDS, properties: {} });
    expect(await client.closed).toBe(4005);
  });

  it("WHEN a client resumes after its connection dropped THEN the events it missed are replayed in order, then RESUMED", async () => {
    const first = await connect(fake);
    const { sessionId, seq } = await identify(first, fake);
    await first.close(4999);
    const missed = [fake.runCommand("sources"), fake.runCommand("timeline")];

    const second = await connect(fake);
    second.send(6, { token: fake.token, session_id: sessionId, seq });
    const resumed = await dispatched(second, "RESUMED");
    const replayed = second.frames.entries.filter((f) => f.t === "INTERACTION_CREATE");
    expect(replayed.map((f) => (f.d as { id: string }).id)).toEqual(missed.map((i) => i.id));
    expect(replayed.map((f) => f.s)).toEqual([seq + 1, seq + 2]);
    expect(resumed.s).toBe(seq + 3);
    expect(fake.gatewayLog.resumeOutcomes).toEqual(["resumed"]);
    await second.close();
  });

  it("WHEN a client resumes with a wrong token THEN it is closed with 4004", async () => {
    const first = await connect(fake);
    const { sessionId, seq } = await identify(first, fake);
    await first.close();
    const second = await connect(fake);
    second.send(6, { token: "not-the-token", session_id: sessionId, seq });
    expect(await second.closed).toBe(4004);
  });

  it.each([
    ["a session that never existed", (_id: string, seq: number) => ({ session_id: "made-up", seq })],
    ["a sequence the session never reached", (id: string, seq: number) => ({ session_id: id, seq: seq + 5 })],
    ["no sequence", (id: string) => ({ session_id: id, seq: null })],
  ])(
    "WHEN a client resumes %s THEN it is told INVALID_SESSION (op 9, not resumable)",
    async (_what, resume) => {
      const first = await connect(fake);
      const { sessionId, seq } = await identify(first, fake);
      await first.close();
      const second = await connect(fake);
      second.send(6, { token: fake.token, ...resume(sessionId, seq) });
      const invalid = await second.frames.waitFor((f) => f.op === 9, "INVALID_SESSION");
      expect(invalid.d).toBe(false);
      expect(second.frames.entries.some((f) => f.t === "RESUMED")).toBe(false);
      await second.close();
    },
  );

  it("WHEN a client closed cleanly (1000) THEN its session ended and cannot be resumed", async () => {
    const first = await connect(fake);
    const { sessionId, seq } = await identify(first, fake);
    await first.close(1000);
    const second = await connect(fake);
    second.send(6, { token: fake.token, session_id: sessionId, seq });
    expect((await second.frames.waitFor((f) => f.op === 9, "INVALID_SESSION")).d).toBe(false);
    await second.close();
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { Recorded } from "../../fakes/slack/wait-for.js";

// The sharded worker's tests trust the fake to route like Discord; these show each rule by hand.

interface Frame {
  op: number;
  t?: string | null;
  d?: unknown;
}

interface Client {
  frames: Recorded<Frame>;
  closed: Promise<number>;
  identify(shard?: unknown): void;
}

const sockets: WebSocket[] = [];

async function connect(fake: FakeDiscord): Promise<Client> {
  const socket = new WebSocket(`${fake.gatewayUrl}/?v=10&encoding=json`);
  sockets.push(socket);
  const frames = new Recorded<Frame>();
  socket.on("message", (data) => frames.push(JSON.parse(String(data)) as Frame));
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  await frames.waitFor((f) => f.op === 10, "HELLO");
  return {
    frames,
    closed,
    identify: (shard) =>
      socket.send(
        JSON.stringify({
          op: 2,
          d: {
            token: fake.token,
            intents: 1,
            properties: { os: "linux", browser: "t", device: "t" },
            ...(shard === undefined ? {} : { shard }),
          },
        }),
      ),
  };
}

const guildOnShard = (shard: number, of: number) => ((BigInt(of * 3 + shard) << 22n) + 1n).toString();

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await FakeDiscord.start({ recommendedShards: 2, maxConcurrency: 2 });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await fake.close();
});

describe("the fake gateway, sharded like Discord's", () => {
  it("GIVEN GET /gateway/bot THEN it recommends the configured shard count and concurrency", async () => {
    const response = await fetch(`${fake.apiUrl}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    const body = (await response.json()) as {
      shards: number;
      session_start_limit: { max_concurrency: number };
    };
    expect([body.shards, body.session_start_limit.max_concurrency]).toEqual([2, 2]);
  });

  it("GIVEN IDENTIFY with shard [id, count] THEN READY echoes the shard", async () => {
    const client = await connect(fake);
    client.identify([1, 2]);
    const ready = await client.frames.waitFor((f) => f.t === "READY", "READY");
    expect((ready.d as { shard: number[] }).shard).toEqual([1, 2]);
  });

  it.each([
    ["an id not below the count", [2, 2]],
    ["a negative id", [-1, 2]],
    ["a count of zero", [0, 0]],
    ["not a pair", [0]],
  ])("GIVEN IDENTIFY with %s THEN it closes with 4010 (invalid shard)", async (_what, shard) => {
    const client = await connect(fake);
    client.identify(shard);
    expect(await client.closed).toBe(4010);
  });

  it.each([
    ["unsharded", undefined],
    ["as one shard of one", [0, 1]],
  ])(
    "GIVEN Discord requiring 2 shards THEN an IDENTIFY %s closes with 4011 (sharding required)",
    async (_what, shard) => {
      await fake.close();
      fake = await FakeDiscord.start({ recommendedShards: 2, requiredShards: 2 });
      const client = await connect(fake);
      client.identify(shard);
      expect(await client.closed).toBe(4011);
    },
  );

  it("GIVEN two shards connected THEN a guild's interaction reaches only the shard (guild_id >> 22) % 2", async () => {
    const [zero, one] = [await connect(fake), await connect(fake)];
    zero.identify([0, 2]);
    one.identify([1, 2]);
    await fake.shardsReady([
      [0, 2],
      [1, 2],
    ]);
    fake.runCommand("sources", {}, { guildId: guildOnShard(1, 2) });
    fake.runCommand("help", {}, { guildId: guildOnShard(0, 2) });
    const commandsOf = async (client: Client, count: number) => {
      await client.frames.waitFor(
        () => client.frames.entries.filter((f) => f.t === "INTERACTION_CREATE").length >= count,
        "interactions",
      );
      // Anything misrouted would have arrived by now as well: the other shard's command is dispatched first.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return client.frames.entries
        .filter((f) => f.t === "INTERACTION_CREATE")
        .map((f) => (f.d as { data: { name: string } }).data.name);
    };
    expect(await commandsOf(one, 1)).toEqual(["sources"]);
    expect(await commandsOf(zero, 1)).toEqual(["help"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import {
  type FakeSlackApi,
  startFakeSlackApi,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
} from "../fakes/slack/fake-slack-api.js";
import { type FakeSocketMode, startFakeSocketMode } from "../fakes/slack/fake-socket-mode.js";
import { slashCommandPayload } from "../fakes/slack/payloads.js";
import { freePort } from "../helpers/free-port.js";
import { httpGet } from "../helpers/http-get.js";
import { type SpawnedEntry, spawnEntry } from "../helpers/spawn-entry.js";
import { until } from "../helpers/until.js";

let discord: FakeDiscord;
let slack: FakeSlackApi;
let socket: FakeSocketMode;
let worker: SpawnedEntry;
let healthUrl: string;

beforeAll(async () => {
  discord = await FakeDiscord.start({ recommendedShards: 2, maxConcurrency: 2 });
  slack = await startFakeSlackApi();
  socket = await startFakeSocketMode((ack) => slack.acceptAck(ack));
  slack.socketUrl = socket.url;
  const port = await freePort();
  healthUrl = `http://127.0.0.1:${port}`;
  worker = await spawnEntry("src/entry/worker.ts", {
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_SHARDS: "2",
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_APP_TOKEN: TEST_APP_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    HOST: "127.0.0.1",
    PORT: String(port),
  });
  await until(
    async () => (await httpGet(`${healthUrl}/readyz`).catch(() => ({ status: 0 }))).status === 200,
    {
      withinMs: 90_000,
      everyMs: 200,
    },
  );
}, 120_000);

afterAll(async () => {
  if (worker && worker.child.exitCode === null) {
    worker.child.kill("SIGTERM");
    await worker.exited;
  }
  await socket?.close();
  await slack?.close();
  await discord?.close();
}, 30_000);

describe("GIVEN the sharded worker with Slack Socket Mode configured too", () => {
  it("THEN exactly one Socket Mode connection is opened (by shard 0), and it answers slash commands", async () => {
    await socket.connected();
    expect(slack.calls.entries.filter((c) => c.method === "apps.connections.open" && !c.error)).toHaveLength(
      1,
    );
    socket.send({
      envelope_id: "env-sharded-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: slashCommandPayload({
        command: "/quote",
        text: "petro",
        responseUrl: slack.responseUrl("s1"),
      }),
    });
    const ack = await socket.received.waitFor((m) => m.envelope_id === "env-sharded-1", "the ack", 15_000);
    expect(JSON.stringify(ack.payload)).toContain("Petro");
    expect(slack.rejections.entries).toEqual([]);
  });
});

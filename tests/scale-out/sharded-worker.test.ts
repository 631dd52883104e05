import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { freePort } from "../helpers/free-port.js";
import { httpGet } from "../helpers/http-get.js";
import { recordFigures } from "../helpers/reliability/figures.js";
import { type SpawnedEntry, spawnEntry } from "../helpers/spawn-entry.js";
import { until } from "../helpers/until.js";

// Discord routes a guild's events to shard (guild_id >> 22) % num_shards.
const guildOnShard = (shard: number, of: number) => ((BigInt(of * 7 + shard) << 22n) + 5n).toString();
const GUILD_ON_SHARD_0 = guildOnShard(0, 2);
const GUILD_ON_SHARD_1 = guildOnShard(1, 2);

interface ShardState {
  id: number;
  pid?: number;
  ready: boolean;
  deaths: number;
}

let fake: FakeDiscord;
let worker: SpawnedEntry;
let healthUrl: string;

const shards = async (): Promise<{ ready: boolean; shards: ShardState[] }> =>
  (await httpGet(`${healthUrl}/readyz`)).body as { ready: boolean; shards: ShardState[] };

beforeAll(async () => {
  fake = await FakeDiscord.start({ recommendedShards: 2, maxConcurrency: 2 });
  const port = await freePort();
  healthUrl = `http://127.0.0.1:${port}`;
  worker = await spawnEntry("src/entry/worker.ts", {
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_SHARDS: "auto",
    HOST: "127.0.0.1",
    PORT: String(port),
    SHUTDOWN_GRACE_SECONDS: "5",
  });
  await fake.shardsReady(
    [
      [0, 2],
      [1, 2],
    ],
    60_000,
  );
  await until(async () => (await shards()).ready, { withinMs: 30_000, everyMs: 200 });
}, 120_000);

afterAll(async () => {
  if (worker && worker.child.exitCode === null) {
    worker.child.kill("SIGKILL");
    await worker.exited;
  }
  await fake?.close();
});

describe("GIVEN the worker with DISCORD_SHARDS=auto and Discord recommending 2 shards", () => {
  it("THEN each shard identifies once as [id, 2] and loads the index from the one snapshot, never building it", async () => {
    const identified = fake.gatewayLog.identifies.map((d) => d.shard);
    expect(identified).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    const built = worker.lines.filter(
      (l) => l.msg === "no index snapshot yet: building it once for every shard",
    );
    expect(built).toHaveLength(1);
    const loads = worker.lines.filter((l) => typeof l.shard === "number" && l.origin !== undefined);
    expect(loads.map((l) => l.origin)).toEqual(["snapshot", "snapshot"]);
  });

  it("THEN /readyz is ready with both shards listed, and /metrics shows each shard's state and answers", async () => {
    const report = await shards();
    expect(report.ready).toBe(true);
    recordFigures("scale-out", "shard memory (seed corpus)", {
      rssMB: report.shards.map((s) => Math.round(((s as { rssBytes?: number }).rssBytes ?? 0) / 1e6)),
    });
    expect(report.shards.map((s) => [s.id, s.ready])).toEqual([
      [0, true],
      [1, true],
    ]);
    const metrics = (await httpGet(`${healthUrl}/metrics`)).text;
    expect(metrics).toContain('backstory_shard_ready{shard="0"} 1');
    expect(metrics).toContain('backstory_shard_ready{shard="1"} 1');
    expect(metrics).toContain('backstory_index_size{shard="1",');
    expect(metrics).toMatch(/backstory_shard_resident_bytes\{shard="0"\} \d+/u);
  });

  it("WHEN two guilds on different shards ask THEN each is answered, by its own shard", async () => {
    const [first, second] = await Promise.all([
      fake.runCommand("quote", { speaker: "petro" }, { guildId: GUILD_ON_SHARD_0 }).outcome(15_000),
      fake.runCommand("sources", {}, { guildId: GUILD_ON_SHARD_1 }).outcome(15_000),
    ]);
    expect(first.via === "reply" || first.via === "edit").toBe(true);
    expect(second.via === "reply" || second.via === "edit").toBe(true);
    const answeredBy = (command: string) =>
      worker.lines.filter((l) => l.msg === "answered" && l.command === command).map((l) => l.shard);
    await until(() => answeredBy("sources").length > 0, { withinMs: 5000, everyMs: 50 });
    expect(answeredBy("quote")).toEqual([0]);
    expect(answeredBy("sources")).toEqual([1]);
    const metrics = (await httpGet(`${healthUrl}/metrics`)).text;
    await until(
      async () =>
        /backstory_requests_total\{shard="1",[^}]*command="sources"[^}]*outcome="ok"\} 1/u.test(
          (await httpGet(`${healthUrl}/metrics`)).text,
        ),
      { withinMs: 5000, everyMs: 200 },
    );
    expect(metrics).toContain("backstory_shards 2");
  });

  it("WHEN a shard's process is killed THEN it is respawned, identifies again, and its guild is answered again", async () => {
    const before = await shards();
    const victim = before.shards.find((s) => s.id === 1);
    expect(victim?.pid).toBeTypeOf("number");
    const identifiesBefore = fake.gatewayLog.identifies.length;
    process.kill(victim?.pid as number, "SIGKILL");
    await until(async () => !(await shards()).ready, { withinMs: 10_000, everyMs: 100 });
    await until(
      async () => {
        const now = await shards();
        const respawned = now.shards.find((s) => s.id === 1);
        return now.ready && respawned?.pid !== victim?.pid && respawned?.deaths === 1;
      },
      { withinMs: 60_000, everyMs: 200 },
    );
    expect(fake.gatewayLog.identifies.slice(identifiesBefore).map((d) => d.shard)).toEqual([[1, 2]]);
    const metrics = (await httpGet(`${healthUrl}/metrics`)).text;
    expect(metrics).toContain('backstory_shard_deaths_total{shard="1"} 1');
    const answer = await fake.runCommand("sources", {}, { guildId: GUILD_ON_SHARD_1 }).outcome(15_000);
    expect(answer.via === "reply" || answer.via === "edit").toBe(true);
    expect("message" in answer ? (answer.message.embeds?.length ?? 0) : 0).toBeGreaterThan(0);
  }, 90_000);

  it("WHEN the worker gets SIGHUP THEN every shard re-reads the snapshot (never rebuilds)", async () => {
    worker.child.kill("SIGHUP");
    const reloaded = () =>
      worker.lines.filter((l) => l.msg === "index reloaded" && typeof l.shard === "number");
    await until(() => reloaded().length === 2, { withinMs: 20_000, everyMs: 100 });
    expect(
      reloaded()
        .map((l) => [l.shard, l.origin])
        .sort(),
    ).toEqual([
      [0, "snapshot"],
      [1, "snapshot"],
    ]);
  }, 30_000);

  it("WHEN the worker gets SIGTERM THEN every shard stops gracefully and the worker exits 0", async () => {
    const pids = (await shards()).shards.map((s) => s.pid as number);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    for (const pid of pids) expect(isRunning(pid)).toBe(false);
    expect(worker.lines.some((l) => l.msg === "every shard stopped cleanly")).toBe(true);
  }, 30_000);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, type Replica, startCluster } from "../helpers/cluster.js";
import { httpGet } from "../helpers/http-get.js";
import { recordFigures } from "../helpers/reliability/figures.js";
import { replicaFigures } from "../helpers/replica-metrics.js";
import { clickFrom, installWorkspace, mentionFrom, slashCommandFrom } from "../helpers/slack-install.js";
import { runsWithServers } from "../helpers/system-servers.js";
import { until } from "../helpers/until.js";

// The whole deployment on this machine: Redis, PostgreSQL, two web replicas behind HAProxy,
// a worker with 2 Discord shards. Long (a minute or so): `.ci/run` runs tests/scale-out/ as its own step.

const FIGURES = "scale-out";
const NEWSROOM = { teamId: "T0HERALD", teamName: "The Herald", channel: "C0HERALDNEWS" };
const guildOnShard = (shard: number) => ((BigInt(14 + shard) << 22n) + 9n).toString();
const LIMITED = "You're asking faster";

let cluster: Cluster;
const runs = runsWithServers("the replica cluster", "redis-server", "haproxy", "postgresql");

beforeAll(async () => {
  if (!runs) return;
  cluster = await startCluster();
}, 180_000);
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

const slash = (origin: string, userId: string, text = "petro") =>
  slashCommandFrom(origin, {
    teamId: NEWSROOM.teamId,
    channel: NEWSROOM.channel,
    userId,
    command: "/quote",
    text,
    responseUrl: cluster.slack.responseUrl(`r-${userId}-${Math.random().toString(36).slice(2)}`),
  });

describe.runIf(runs)(
  "GIVEN two web replicas behind HAProxy, one Redis, one PostgreSQL and a worker with 2 shards",
  () => {
    it("WHEN a workspace starts its install on one replica and Slack redirects it to the other THEN it is installed, and both replicas answer it with its own token", async () => {
      const [web1, web2] = cluster.replicas as [Replica, Replica];
      const done = await installWorkspace(cluster.slack, NEWSROOM, { install: web1.url, redirect: web2.url });
      expect(done.status).toBe(200);
      const token = cluster.slack.tokenOf(NEWSROOM.teamId);
      for (const replica of [web1, web2]) {
        expect((await mentionFrom(replica.url, NEWSROOM.teamId, NEWSROOM.channel, "sources")).status).toBe(
          200,
        );
      }
      const posts = () =>
        cluster.slack.calls.entries.filter(
          (c) => c.method === "chat.postMessage" && !c.error && c.token === token,
        );
      await until(() => posts().length === 2, { withinMs: 10_000, everyMs: 50 });
      expect(cluster.slack.rejections.entries).toEqual([]);
    });

    it("WHEN an answer given by one replica is paged on the other THEN the other shows the next page", async () => {
      const [web1, web2] = cluster.replicas as [Replica, Replica];
      const first = await slashCommandFrom(web1.url, {
        teamId: NEWSROOM.teamId,
        channel: NEWSROOM.channel,
        userId: "U0PAGER",
        command: "/timeline",
        text: "",
        responseUrl: cluster.slack.responseUrl("page-1"),
      });
      expect(first.status).toBe(200);
      const next = findButton(JSON.parse(first.body), "backstory_page_next");
      expect(next).toBeDefined();
      const clicked = await clickFrom(web2.url, {
        teamId: NEWSROOM.teamId,
        channel: NEWSROOM.channel,
        userId: "U0PAGER",
        actionId: "backstory_page_next",
        value: String(next?.value),
        responseUrl: cluster.slack.responseUrl("page-2"),
      });
      expect(clicked.status).toBe(200);
      const second = await cluster.slack.responses.waitFor((r) => r.id === "page-2", "page 2", 10_000);
      const text = (payload: unknown) => JSON.stringify(payload);
      expect(text(second.payload)).not.toEqual(text(JSON.parse(first.body)));
      expect(findButton(second.payload, "backstory_page_previous")).toBeDefined();
    });

    it("WHEN one user asks faster than the limit through the proxy THEN only the burst is answered, across both replicas", async () => {
      const before = await Promise.all(cluster.replicas.map((r) => replicaFigures(r.url)));
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        const reply = await slash(cluster.proxyUrl, "U0EAGER");
        outcomes.push(
          reply.status !== 200
            ? `http ${reply.status}`
            : reply.body.includes(LIMITED)
              ? "limited"
              : "answered",
        );
      }
      const after = await Promise.all(cluster.replicas.map((r) => replicaFigures(r.url)));
      const delta = after.map((a, i) => ({
        allowed: (a.rateLimit["redis/allowed"] ?? 0) - (before[i]?.rateLimit["redis/allowed"] ?? 0),
        refused: (a.rateLimit["redis/refused"] ?? 0) - (before[i]?.rateLimit["redis/refused"] ?? 0),
      }));
      recordFigures(FIGURES, "rate limit across replicas", { outcomes, perReplica: delta });
      const answered = outcomes.filter((o) => o === "answered").length;
      // Burst 5; at 6 a minute, one more token may come during the run.
      expect(answered).toBeGreaterThanOrEqual(cluster.rateLimit.burst);
      expect(answered).toBeLessThanOrEqual(cluster.rateLimit.burst + 1);
      expect(outcomes.filter((o) => o === "limited")).toHaveLength(12 - answered);
      // Round robin: each replica decided for some of them, and refused some (the shared bucket).
      for (const replica of delta) {
        expect(replica.allowed + replica.refused).toBeGreaterThan(0);
        expect(replica.refused).toBeGreaterThan(0);
      }
    });

    it("WHEN Redis goes down THEN the replicas answer anyway (fail open, counted); back up THEN the shared limit holds again", async () => {
      await cluster.redis.stop();
      const whileDown: string[] = [];
      for (let i = 0; i < 8; i++) {
        const reply = await slash(cluster.proxyUrl, "U0DURINGOUTAGE");
        whileDown.push(
          reply.body.includes(LIMITED)
            ? "limited"
            : reply.status === 200
              ? "answered"
              : `http ${reply.status}`,
        );
      }
      const errors = await Promise.all(
        cluster.replicas.map(async (r) => (await replicaFigures(r.url)).rateLimitStoreErrors),
      );
      await cluster.redis.restart();
      // Past the burst again once Redis is back (it came back empty: a fresh bucket of 5).
      await until(async () => (await slash(cluster.proxyUrl, "U0AFTEROUTAGE")).body.includes(LIMITED), {
        withinMs: 20_000,
        everyMs: 100,
      });
      recordFigures(FIGURES, "redis down", { whileDown, storeErrorsPerReplica: errors });
      expect(whileDown).toEqual(Array(8).fill("answered"));
      for (const count of errors) expect(count).toBeGreaterThan(0);
    });

    it("WHEN two guilds on different shards ask THEN both are answered", async () => {
      const outcomes = await Promise.all(
        [0, 1].map((shard) =>
          cluster.discord
            .runCommand("sources", {}, { guildId: guildOnShard(shard), userId: `30000000000000${shard}777` })
            .outcome(15_000),
        ),
      );
      for (const outcome of outcomes) expect(["reply", "edit"]).toContain(outcome.via);
    });

    it("WHEN a replica is killed mid-load THEN only the requests in flight on it are lost, and the proxy sends the rest to the other", async () => {
      const [, victim] = cluster.replicas as [Replica, Replica];
      const concurrency = 4;
      const total = 80;
      const outcomes: { i: number; outcome: string; startedAt: number }[] = [];
      let next = 0;
      let killedAt = Number.POSITIVE_INFINITY;
      const worker = async () => {
        while (next < total) {
          const i = next++;
          if (i === 20) {
            killedAt = Date.now();
            victim.entry.child.kill("SIGKILL");
          }
          const startedAt = Date.now();
          const outcome = await slash(cluster.proxyUrl, `U0LOAD${i}`, "petro").then(
            (r) => (r.status === 200 && !r.body.includes(LIMITED) ? "answered" : `http ${r.status}`),
            (error: Error) => `error ${error.message}`,
          );
          outcomes.push({ i, outcome, startedAt });
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const lost = outcomes.filter((o) => o.outcome !== "answered");
      recordFigures(FIGURES, "replica killed mid-load", {
        requests: total,
        answered: total - lost.length,
        lost: lost.map((o) => ({ i: o.i, outcome: o.outcome, msAfterKill: o.startedAt - killedAt })),
        concurrency,
      });
      // At most what was in flight when it died (one per client); nothing sent after.
      expect(lost.length).toBeLessThanOrEqual(concurrency);
      expect(lost.every((o) => o.startedAt <= killedAt + 50)).toBe(true);
      const survivor = await httpGet(`${cluster.replicas[0]?.url}/readyz`);
      expect(survivor.status).toBe(200);
    }, 60_000);

    it("WHEN a shard is killed mid-load THEN it is respawned, and its guild is answered again; only what reached it while down is lost", async () => {
      const health = async () =>
        (await httpGet(`${cluster.workerHealthUrl}/readyz`)).body as {
          ready: boolean;
          shards: { id: number; pid?: number; ready: boolean }[];
        };
      const victim = (await health()).shards.find((s) => s.id === 1);
      const sent: { at: number; outcome: Promise<string> }[] = [];
      let killedAt = 0;
      let readyAgainAt = 0;
      for (let i = 0; i < 40; i++) {
        if (i === 10) {
          killedAt = Date.now();
          process.kill(victim?.pid as number, "SIGKILL");
        }
        if (i === 11) {
          // Its death seen first: until then the worker still counts it ready.
          await until(async () => !(await health()).ready, { withinMs: 10_000, everyMs: 20 });
        }
        if (killedAt > 0 && readyAgainAt === 0 && i > 10 && (await health()).ready) readyAgainAt = Date.now();
        const at = Date.now();
        const interaction = cluster.discord.runCommand("sources", {}, { guildId: guildOnShard(1) });
        sent.push({
          at,
          outcome: interaction.outcome(10_000).then(
            (o) => o.via,
            () => "lost",
          ),
        });
        await new Promise((resolve) => setTimeout(resolve, i >= 10 && readyAgainAt === 0 ? 400 : 100));
      }
      const results = await Promise.all(sent.map(async (s) => ({ at: s.at, outcome: await s.outcome })));
      const lost = results.filter((r) => r.outcome === "lost");
      recordFigures(FIGURES, "shard killed mid-load", {
        dispatched: results.length,
        answered: results.length - lost.length,
        lost: lost.length,
        downMs: readyAgainAt - killedAt,
      });
      expect(readyAgainAt).toBeGreaterThan(0);
      // Lost: only what Discord dispatched to the shard while its process was gone (in flight or down).
      expect(lost.every((r) => r.at >= killedAt - 50 && r.at <= readyAgainAt)).toBe(true);
      expect(results.filter((r) => r.at > readyAgainAt).every((r) => r.outcome !== "lost")).toBe(true);
    }, 90_000);

    it("THEN every replica's figures are recorded (requests, errors, rate-limit decisions)", async () => {
      const figures = await Promise.all(
        cluster.replicas.map(async (r) => ({
          replica: r.name,
          figures: await replicaFigures(r.url).catch(() => "down (killed above)"),
        })),
      );
      const worker = (await httpGet(`${cluster.workerHealthUrl}/metrics`)).text;
      recordFigures(FIGURES, "per replica at the end", {
        replicas: figures,
        workerShardDeaths: /backstory_shard_deaths_total\{shard="1"\} (\d+)/u.exec(worker)?.[1],
      });
      expect(figures[0]?.figures).toHaveProperty("requests");
    });
  },
);

/** The first button with `actionId` anywhere in a message's blocks. */
function findButton(message: unknown, actionId: string): { value?: string } | undefined {
  if (Array.isArray(message)) {
    for (const item of message) {
      const found = findButton(item, actionId);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof message !== "object" || message === null) return undefined;
  const record = message as Record<string, unknown>;
  if (record.type === "button" && record.action_id === actionId) return record as { value?: string };
  for (const value of Object.values(record)) {
    const found = findButton(value, actionId);
    if (found) return found;
  }
  return undefined;
}

/**
 * `npm run cluster:demo`: the scaled-out deployment on this machine, exercised and
 * measured. Starts on 127.0.0.1 Redis (Debian's redis-server), PostgreSQL, the
 * release step (one index snapshot, the schema), two web replicas behind HAProxy
 * round robin, and a worker running 2 Discord shards against the fake Discord
 * gateway (Slack is the fake Slack API). Then: a workspace installs through one
 * replica and is answered by both; one user floods past the rate limit through the
 * proxy; a guild on each shard asks; a replica and then a shard are killed under
 * load. Prints the figures (requests, errors, rate-limit decisions per replica) and
 * stops everything, also on Ctrl-C or failure.
 */
import { type Cluster, startCluster } from "../tests/helpers/cluster.js";
import { httpGet } from "../tests/helpers/http-get.js";
import { replicaFigures } from "../tests/helpers/replica-metrics.js";
import { installWorkspace, mentionFrom, slashCommandFrom } from "../tests/helpers/slack-install.js";

const NEWSROOM = { teamId: "T0HERALD", teamName: "The Herald", channel: "C0HERALDNEWS" };
const LIMITED = "You're asking faster";
const guildOnShard = (shard: number) => ((BigInt(14 + shard) << 22n) + 9n).toString();

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  say("Starting Redis, PostgreSQL, the release step, 2 web replicas, HAProxy and a worker with 2 shards…");
  const started = Date.now();
  const cluster = await startCluster();
  const stop = async () => {
    await cluster.stop();
  };
  process.once("SIGINT", () => void stop().finally(() => process.exit(130)));
  try {
    say(
      `Up in ${((Date.now() - started) / 1000).toFixed(1)} s: proxy ${cluster.proxyUrl}, replicas ${cluster.replicas.map((r) => r.url).join(", ")}, worker health ${cluster.workerHealthUrl}`,
    );
    await demo(cluster);
  } finally {
    await stop();
    say("Everything stopped.");
  }
}

async function demo(cluster: Cluster): Promise<void> {
  const [web1, web2] = cluster.replicas as [Cluster["replicas"][0], Cluster["replicas"][0]];
  const installed = await installWorkspace(cluster.slack, NEWSROOM, {
    install: web1.url,
    redirect: web2.url,
  });
  say(`\n1. Install started on ${web1.name}, Slack redirected to ${web2.name}: HTTP ${installed.status}`);
  for (const replica of [web1, web2]) {
    const reply = await mentionFrom(replica.url, NEWSROOM.teamId, NEWSROOM.channel, "sources");
    say(`   a mention from The Herald sent to ${replica.name}: HTTP ${reply.status}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const token = cluster.slack.tokenOf(NEWSROOM.teamId);
  const posts = cluster.slack.calls.entries.filter(
    (c) => c.method === "chat.postMessage" && c.token === token,
  );
  say(`   answers posted with The Herald's own token: ${posts.length}`);

  const slash = (user: string) =>
    slashCommandFrom(cluster.proxyUrl, {
      teamId: NEWSROOM.teamId,
      channel: NEWSROOM.channel,
      userId: user,
      command: "/quote",
      text: "petro",
      responseUrl: cluster.slack.responseUrl(`demo-${user}-${Math.random()}`),
    });
  const flood: string[] = [];
  for (let i = 0; i < 12; i++) {
    const reply = await slash("U0EAGER");
    flood.push(
      reply.body.includes(LIMITED) ? "limited" : reply.status === 200 ? "answered" : `HTTP ${reply.status}`,
    );
  }
  const count = (list: string[], what: string) => list.filter((o) => o === what).length;
  say(
    `\n2. One user, 12 questions through the proxy (limit: burst ${cluster.rateLimit.burst}, ${cluster.rateLimit.perMinute}/min, shared in Redis): ${count(flood, "answered")} answered, ${count(flood, "limited")} refused politely`,
  );

  const guilds = await Promise.all(
    [0, 1].map((shard) =>
      cluster.discord
        .runCommand("sources", {}, { guildId: guildOnShard(shard) })
        .outcome(15_000)
        .then(
          (o) => `shard ${shard}: ${o.via}`,
          () => `shard ${shard}: no answer`,
        ),
    ),
  );
  say(`\n3. A guild on each shard asks /sources: ${guilds.join(", ")}`);

  const outcomes: string[] = [];
  let next = 0;
  const load = async () => {
    while (next < 80) {
      const i = next++;
      if (i === 20) web2.entry.child.kill("SIGKILL");
      outcomes.push(
        await slash(`U0LOAD${i}`).then(
          (r) => (r.status === 200 ? "answered" : `HTTP ${r.status}`),
          () => "connection lost",
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, load));
  say(
    `\n4. 80 questions from 80 users, 4 at a time, ${web2.name} SIGKILLed at the 20th: ${count(outcomes, "answered")} answered, ${80 - count(outcomes, "answered")} lost (in flight on ${web2.name})`,
  );

  const health = async () =>
    (await httpGet(`${cluster.workerHealthUrl}/readyz`)).body as {
      ready: boolean;
      shards: { id: number; pid?: number }[];
    };
  const pid = (await health()).shards.find((s) => s.id === 1)?.pid;
  const killedAt = Date.now();
  if (pid !== undefined) process.kill(pid, "SIGKILL");
  let readyAfter = 0;
  // First its death is seen (not ready), then the respawned shard reports ready.
  while (Date.now() - killedAt < 10_000 && (await health()).ready) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  while (Date.now() - killedAt < 60_000) {
    if ((await health()).ready) {
      readyAfter = Date.now() - killedAt;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const again = await cluster.discord
    .runCommand("sources", {}, { guildId: guildOnShard(1) })
    .outcome(15_000)
    .then(
      (o) => o.via,
      () => "no answer",
    );
  say(
    `\n5. Shard 1 SIGKILLed: respawned and ready again after ${(readyAfter / 1000).toFixed(1)} s; its guild then asks: ${again}`,
  );

  say("\nFigures per replica (from each one's /metrics):");
  for (const replica of cluster.replicas) {
    const figures = await replicaFigures(replica.url).catch(() => undefined);
    say(`   ${replica.name}: ${figures ? JSON.stringify(figures) : "down (killed in step 4)"}`);
  }
  const shardMetrics = (await httpGet(`${cluster.workerHealthUrl}/metrics`)).text
    .split("\n")
    .filter((l) => l.startsWith("backstory_shard_") || /^backstory_requests_total\{shard/u.test(l));
  say("Worker (per shard):");
  for (const line of shardMetrics) say(`   ${line}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`cluster demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

// One Discord shard, forked by the sharded worker (see sharded-worker.ts): the gateway
// for the shards discord.js hands it (SHARDS, SHARD_COUNT), answering from the shared
// index snapshot, never building its own.
import { discordGatewayTransport } from "../adapters/discord/transports.js";
import { slackSocketTransport } from "../adapters/slack/transports.js";
import { readConfigOrExit } from "./environment.js";
import { isReportRequest, type ShardReport } from "./shard-messages.js";
import type { RunningService } from "./start-service.js";

const config = readConfigOrExit();
// discord.js's ShardingManager passes the shard ids in SHARDS (e.g. "0" or "[0,1]").
const shardIds = ([] as number[]).concat(JSON.parse(process.env.SHARDS ?? "0") as number | number[]);

let service: RunningService | undefined;
// Answered from the start: a shard still loading its index reports itself not ready.
process.on("message", (message) => {
  if (!isReportRequest(message)) return;
  const report: ShardReport = {
    backstory: "report",
    nonce: message.nonce,
    readiness: service?.readiness() ?? { ready: false, starting: true },
    metrics: service?.metrics.registry.render() ?? "",
    rssBytes: process.memoryUsage.rss(),
  };
  process.send?.(report);
});
// The manager gone (killed): a shard must not answer on for a manager that cannot see it.
process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));

const { runRole } = await import("./run-role.js");
service = await runRole(
  "worker",
  { ...config, snapshotOnly: true },
  {
    logBindings: { shard: shardIds.length === 1 ? shardIds[0] : shardIds },
    // Socket Mode needs one connection, not one per shard: shard 0 holds it.
    transports: shardIds.includes(0)
      ? [discordGatewayTransport, slackSocketTransport]
      : [discordGatewayTransport],
  },
);

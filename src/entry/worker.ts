// Procfile `worker`: the connection-holding transports (Discord gateway, Slack Socket Mode).
import { readConfigOrExit } from "./environment.js";

// The configuration is checked before the rest of the app loads: a mistake is reported at once.
const config = readConfigOrExit();
if (config.discord.shards !== undefined && config.discord.token !== undefined) {
  // DISCORD_SHARDS: the gateway as shards, each a child process (see sharded-worker.ts).
  const { runShardedWorker } = await import("./sharded-worker.js");
  await runShardedWorker(config);
} else {
  const { runRole } = await import("./run-role.js");
  await runRole("worker", config);
}

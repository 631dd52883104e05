// Procfile `web`: HTTP only (playground, JSON API, health, Slack events, Discord interactions).
import { readConfigOrExit } from "./environment.js";

// The configuration is checked before the rest of the app loads: a mistake is reported at once.
const config = readConfigOrExit();
if (config.webConcurrency > 1) {
  const { runWebCluster } = await import("./cluster.js");
  await runWebCluster(config);
} else {
  const { runRole } = await import("./run-role.js");
  await runRole("web", config);
}

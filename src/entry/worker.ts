// Procfile `worker`: the connection-holding transports (Discord gateway, Slack Socket Mode).
import { readConfigOrExit } from "./environment.js";

// The configuration is checked before the rest of the app loads: a mistake is reported at once.
const config = readConfigOrExit();
const { runRole } = await import("./run-role.js");
await runRole("worker", config);

// Procfile `worker`: the connection-holding transports (Discord gateway, Slack Socket Mode).
import { runRole } from "./run-role.js";

await runRole("worker");

// Procfile `web`: HTTP only (playground, JSON API, health, Slack events, Discord interactions).
import { runRole } from "./run-role.js";

await runRole("web");

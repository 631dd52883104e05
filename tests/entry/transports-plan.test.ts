import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { TRANSPORTS } from "../../src/entry/transports.js";
import { describeTransport, planTransports } from "../../src/service/transports/plan.js";

const KEY = "a".repeat(64);

describe("planTransports", () => {
  it("GIVEN no credentials THEN npm start runs the playground only and says what enables the rest", () => {
    const plan = planTransports(TRANSPORTS, loadConfig({}), "all");
    expect(plan.filter((t) => t.enabled).map((t) => t.name)).toEqual(["playground"]);
    expect(plan.map(describeTransport)).toEqual([
      "on:  playground, JSON API and health checks",
      "off: Discord slash commands over HTTP (POST /discord/interactions) — set DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID to enable",
      "off: Slack slash commands over HTTP (POST /slack/events) — set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable",
      "off: Slack for any workspace that installs it (GET /slack/install, POST /slack/events) — set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_SIGNING_SECRET and ENCRYPTION_KEY to enable",
      "off: Discord slash commands over the gateway — set DISCORD_TOKEN and DISCORD_APPLICATION_ID to enable",
      "off: Slack Socket Mode — set SLACK_BOT_TOKEN and SLACK_APP_TOKEN to enable",
    ]);
  });

  it("GIVEN every single-workspace credential THEN every transport but installs runs on one process", () => {
    const config = loadConfig({
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: "1",
      DISCORD_PUBLIC_KEY: KEY,
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_APP_TOKEN: "xapp-1",
    });
    const plan = planTransports(TRANSPORTS, config, "all");
    expect(plan.filter((t) => !t.enabled).map((t) => t.name)).toEqual(["slack-installs"]);
  });

  it("GIVEN the install credentials instead of a bot token THEN installs replace single-workspace Slack over HTTP", () => {
    const config = loadConfig({
      SLACK_CLIENT_ID: "1.2",
      SLACK_CLIENT_SECRET: "c",
      SLACK_STATE_SECRET: "s".repeat(32),
      SLACK_SIGNING_SECRET: "s",
      ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
    });
    const web = planTransports(TRANSPORTS, config, "web");
    expect(web.filter((t) => t.enabled).map((t) => t.name)).toEqual(["playground", "slack-installs"]);
  });

  it("GIVEN the Procfile roles THEN web hosts HTTP transports and worker the connections", () => {
    const config = loadConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1" });
    expect(planTransports(TRANSPORTS, config, "web").map((t) => t.name)).toEqual([
      "playground",
      "discord-interactions",
      "slack-http",
      "slack-installs",
    ]);
    const worker = planTransports(TRANSPORTS, config, "worker");
    expect(worker.map((t) => [t.name, t.enabled])).toEqual([
      ["discord-gateway", true],
      ["slack-socket", false],
    ]);
  });

  it("GIVEN part of a transport's credentials THEN names only what is missing", () => {
    const config = loadConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1" });
    const interactions = planTransports(TRANSPORTS, config, "web").find(
      (t) => t.name === "discord-interactions",
    );
    expect(interactions?.missing).toEqual(["DISCORD_PUBLIC_KEY"]);
  });
});

import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import {
  buildSlackManifest,
  SLACK_BOT_SCOPES,
  SLACK_RESERVED_COMMANDS,
} from "../../../src/adapters/slack/manifest.js";

describe("buildSlackManifest", () => {
  it("GIVEN Socket Mode THEN every table command Slack allows, plus /backstory, is a slash command without URLs", () => {
    const manifest = buildSlackManifest({ socketMode: true });
    const names = manifest.features.slash_commands.map((c) => c.command);
    const allowed = commands.filter((c) => !SLACK_RESERVED_COMMANDS.has(c.name)).map((c) => `/${c.name}`);
    expect(names).toEqual([...allowed, "/backstory"]);
    expect(names).toContain("/timeline");
    expect(names).not.toContain("/who");
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain("request_url");
    expect(manifest.features.slash_commands.every((c) => c.url === undefined)).toBe(true);
  });

  it("GIVEN HTTP mode THEN commands, events and interactivity point at the request URL", () => {
    const url = "https://backstory.example.com/slack/events";
    const manifest = buildSlackManifest({ socketMode: false, requestUrl: url });
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: false,
      event_subscriptions: { request_url: url, bot_events: ["app_mention"] },
      interactivity: { is_enabled: true, request_url: url },
    });
    expect(manifest.features.slash_commands.length).toBeGreaterThan(0);
    expect(manifest.features.slash_commands.every((c) => c.url === url)).toBe(true);
  });

  it("GIVEN any mode THEN the scopes are only those the app uses", () => {
    expect(buildSlackManifest({ socketMode: true }).oauth_config.scopes.bot.sort()).toEqual([
      "app_mentions:read",
      "chat:write",
      "commands",
      // users.info: whether the user asking /follow or /backstory add is a workspace admin.
      "users:read",
    ]);
  });

  it("GIVEN the manifest THEN it stays within Slack's manifest limits", () => {
    const manifest = buildSlackManifest({ socketMode: true });
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.features.slash_commands.length).toBeLessThanOrEqual(50);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/u);
    for (const command of manifest.features.slash_commands) {
      expect(command.command).toMatch(/^\/[a-z0-9_-]{1,31}$/u);
      expect(command.description.length).toBeLessThanOrEqual(2000);
      expect(command.usage_hint.length).toBeLessThanOrEqual(1000);
    }
  });

  it("GIVEN HTTP mode without an https URL THEN it refuses to build", () => {
    expect(() => buildSlackManifest({ socketMode: false })).toThrow(/https URL/u);
    expect(() =>
      buildSlackManifest({ socketMode: false, requestUrl: "http://x.example/slack/events" }),
    ).toThrow();
  });

  it("GIVEN installs by other workspaces THEN the redirect URL sits beside the events URL and the uninstall events are subscribed", () => {
    const manifest = buildSlackManifest({
      socketMode: false,
      requestUrl: "https://backstory.example.com/slack/events",
      installs: true,
    });
    expect(manifest.oauth_config.redirect_urls).toEqual([
      "https://backstory.example.com/slack/oauth_redirect",
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      "app_mention",
      "app_uninstalled",
      "tokens_revoked",
    ]);
    expect(
      buildSlackManifest({ socketMode: false, requestUrl: "https://h.example/slack/events" }).oauth_config,
    ).toEqual({
      scopes: { bot: [...SLACK_BOT_SCOPES] },
    });
    expect(() => buildSlackManifest({ socketMode: true, installs: true })).toThrow(/HTTP mode/u);
  });
});

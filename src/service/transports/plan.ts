import type { Config } from "../../config.js";

/** Which Procfile process is starting: `all` is `npm start` (everything on one process). */
export type Role = "all" | "web" | "worker";

/** The ways Backstory can be reached. */
export type TransportName =
  | "playground"
  | "discord-interactions"
  | "slack-http"
  | "discord-gateway"
  | "slack-socket";

/** One transport: whether it runs in this process and, if not, what would enable it. */
export interface PlannedTransport {
  name: TransportName;
  label: string;
  /** The Procfile process that hosts it. */
  process: "web" | "worker";
  enabled: boolean;
  /** Variables still to set to enable it (empty when enabled). */
  missing: string[];
}

interface Definition {
  name: TransportName;
  label: string;
  process: "web" | "worker";
  needs: (config: Config) => Record<string, string | undefined>;
}

const DEFINITIONS: readonly Definition[] = [
  { name: "playground", label: "playground, JSON API and health checks", process: "web", needs: () => ({}) },
  {
    name: "discord-interactions",
    label: "Discord slash commands over HTTP (POST /discord/interactions)",
    process: "web",
    needs: ({ discord }) => ({
      DISCORD_PUBLIC_KEY: discord.publicKey,
      DISCORD_APPLICATION_ID: discord.applicationId,
    }),
  },
  {
    name: "slack-http",
    label: "Slack slash commands over HTTP (POST /slack/events)",
    process: "web",
    needs: ({ slack }) => ({ SLACK_BOT_TOKEN: slack.botToken, SLACK_SIGNING_SECRET: slack.signingSecret }),
  },
  {
    name: "discord-gateway",
    label: "Discord slash commands over the gateway",
    process: "worker",
    needs: ({ discord }) => ({ DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId }),
  },
  {
    name: "slack-socket",
    label: "Slack Socket Mode",
    process: "worker",
    needs: ({ slack }) => ({ SLACK_BOT_TOKEN: slack.botToken, SLACK_APP_TOKEN: slack.appToken }),
  },
];

/** The transports a role hosts, each enabled when its credentials are all present. */
export function planTransports(config: Config, role: Role): PlannedTransport[] {
  return DEFINITIONS.filter((d) => role === "all" || d.process === role).map((d) => {
    const missing = Object.entries(d.needs(config))
      .filter(([, value]) => value === undefined)
      .map(([name]) => name);
    return { name: d.name, label: d.label, process: d.process, enabled: missing.length === 0, missing };
  });
}

/** One line saying what runs, or what would enable it. */
export function describeTransport(transport: PlannedTransport): string {
  if (transport.enabled) return `on:  ${transport.label}`;
  return `off: ${transport.label} — set ${joinNames(transport.missing)} to enable`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

import { usage } from "../../../commands/help.js";
import { type Command, commands } from "../../../commands/index.js";
import { UMBRELLA } from "../../../commands/text-to-invocation.js";
import { SLACK_OAUTH_REDIRECT_PATH } from "./events-path.js";

/** Options of buildSlackManifest. */
export interface SlackManifestOptions {
  /** Socket Mode (no public URL) or HTTP (Slack calls `requestUrl`). */
  socketMode: boolean;
  /** HTTP mode: the public `https://…/slack/events` URL. Required unless socketMode. */
  requestUrl?: string;
  /** The app's name in Slack (≤ 35 characters). Default "Backstory". */
  name?: string;
  /**
   * HTTP mode: installable by other workspaces (SLACK_CLIENT_ID…): the OAuth redirect URL
   * (`/slack/oauth_redirect` beside the events URL) and the uninstall events.
   */
  installs?: boolean;
}

/** One slash command of the manifest. */
export interface SlackManifestCommand {
  command: string;
  description: string;
  usage_hint: string;
  should_escape: boolean;
  url?: string;
}

/** The parts of Slack's app manifest (schema version 1) this app sets. */
export interface SlackManifest {
  _metadata: { major_version: number; minor_version: number };
  display_information: { name: string; description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: SlackManifestCommand[];
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** Bot scopes: slash commands, posting answers and digests, hearing mentions, whether a user is an admin (/follow). Nothing that reads channels. */
export const SLACK_BOT_SCOPES = ["app_mentions:read", "chat:write", "commands", "users:read"] as const;

/** Events telling the app that a workspace removed it or revoked its tokens. */
export const SLACK_UNINSTALL_EVENTS = ["app_uninstalled", "tokens_revoked"] as const;

const VISIBILITY_HINT = "[private|public]";

// Slack's built-in commands: a manifest naming one is rejected as a whole, so table
// commands with these names (`/who`, `/search`) are left out and asked through the
// umbrella instead (`/backstory who petro`). Union of Slack's help article "Use
// built-in slash commands" and names other apps found refused.
/** Slash command names Slack keeps for itself. */
export const SLACK_RESERVED_COMMANDS: ReadonlySet<string> = new Set([
  "active",
  "apps",
  "archive",
  "away",
  "call",
  "collapse",
  "dm",
  "dnd",
  "expand",
  "feed",
  "invite",
  "join",
  "leave",
  "me",
  "msg",
  "mute",
  "open",
  "pro",
  "remind",
  "remove",
  "rename",
  "search",
  "shortcuts",
  "shrug",
  "status",
  "topic",
  "who",
]);

/**
 * Slack's app manifest, from the command table: one slash command per command
 * (except those Slack reserves, see SLACK_RESERVED_COMMANDS) plus the umbrella
 * `/backstory`, the bot scopes, the `app_mention` event and interactivity (the buttons). Paste it at api.slack.com/apps → Create New App →
 * From a manifest. Throws when HTTP mode has no https request URL.
 */
export function buildSlackManifest(options: SlackManifestOptions): SlackManifest {
  const url = options.socketMode ? undefined : requireHttpsUrl(options.requestUrl);
  const withUrl = url === undefined ? {} : { request_url: url };
  if (options.installs && options.socketMode) {
    throw new Error("Installs by other workspaces need HTTP mode: give the public URL (--url).");
  }
  const installs = options.installs === true;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: options.name ?? "Backstory",
      description:
        "Cited, verbatim answers from your newsroom's articles: timelines, quotes, causes, people.",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: "backstory", always_online: true },
      slash_commands: [
        ...commands.filter((c) => !SLACK_RESERVED_COMMANDS.has(c.name)).map((c) => tableCommand(c, url)),
        umbrellaCommand(url),
      ],
    },
    oauth_config: {
      scopes: { bot: [...SLACK_BOT_SCOPES] },
      ...(installs && url ? { redirect_urls: [new URL(SLACK_OAUTH_REDIRECT_PATH, url).href] } : {}),
    },
    settings: {
      event_subscriptions: {
        ...withUrl,
        bot_events: installs ? ["app_mention", ...SLACK_UNINSTALL_EVENTS] : ["app_mention"],
      },
      interactivity: { is_enabled: true, ...withUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}

function tableCommand(command: Command, url: string | undefined): SlackManifestCommand {
  const options = usage(command).split(" ").slice(1).join(" ");
  return slashCommand(`/${command.name}`, command.description, `${options} ${VISIBILITY_HINT}`.trim(), url);
}

function umbrellaCommand(url: string | undefined): SlackManifestCommand {
  const names = commands.map((c) => c.name).join("|");
  return slashCommand(
    `/${UMBRELLA}`,
    "Any Backstory command, for workspaces where another app owns a short name: /backstory why visa",
    `<${names}> … ${VISIBILITY_HINT}`,
    url,
  );
}

function slashCommand(name: string, description: string, hint: string, url: string | undefined) {
  const command: SlackManifestCommand = {
    command: name,
    description,
    usage_hint: hint,
    should_escape: false,
  };
  if (url !== undefined) command.url = url;
  return command;
}

function requireHttpsUrl(url: string | undefined): string {
  if (url === undefined || !URL.canParse(url) || new URL(url).protocol !== "https:") {
    throw new Error(
      "An HTTP-mode Slack manifest needs the public https URL of /slack/events, e.g. https://backstory.example.com/slack/events (or use Socket Mode).",
    );
  }
  return url;
}

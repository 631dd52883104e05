import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isObject, type MessageSurface, messageRefusal, type SlackRefusal } from "./block-kit-rules.js";
import { Recorded } from "./wait-for.js";

/** Credentials the tests use by default; none is real. */
export const TEST_BOT_TOKEN = "xoxb-000-000-testtoken";
export const TEST_APP_TOKEN = "xapp-1-A0APP-000-testtoken";

/** Fake bot identity returned by auth.test. */
/** The workspace admin the fake knows (`users.info` says `is_admin: true`); every other user is a member. */
export const FAKE_ADMIN = "U0ADMIN";

export const FAKE_BOT = { userId: "U0BOT", botId: "B0BOT", teamId: "T0TEAM" } as const;

/**
 * Another workspace the fake knows, with its own bot token and channel: a token
 * only reaches the channels of its own workspace.
 */
export const OTHER_WORKSPACE = {
  teamId: "T0ELSE",
  botToken: "xoxb-999-999-elsewhere",
  channel: "C0ELSEWHERE",
} as const;

/** The app's OAuth credentials the fake knows (Basic Information → App Credentials). */
export const TEST_CLIENT = { clientId: "1000.2000", clientSecret: "fake-client-secret-000" } as const;

/** A workspace that approves an install on the fake's approval page. */
export interface InstallingWorkspace {
  teamId: string;
  teamName?: string;
  /** The one channel its token may post to. */
  channel: string;
}

/** One Web API call the fake received (accepted or not). */
export interface ApiCall {
  method: string;
  /** The arguments, with JSON-encoded fields (blocks) decoded. */
  args: Record<string, unknown>;
  /** The bearer token sent, if any. */
  token: string | undefined;
  /** The `error` Slack answered, when it refused the call. */
  error?: string;
}

/** One message a fake response_url accepted. */
export interface ResponsePost {
  /** The id in `/response/<id>`. */
  id: string;
  payload: Record<string, unknown>;
}

/** Something Slack would have refused, answered as Slack answers it. */
export interface SlackRejection {
  /** `api:<method>`, `response:<id>` or `ack:<what>`. */
  where: string;
  error: string;
  errors: string[];
  body: unknown;
}

/** How the fake checks who is calling. */
export interface FakeSlackOptions {
  /** The bot token of the app's own workspace (default TEST_BOT_TOKEN). */
  botToken?: string;
  /** The app-level token, for apps.connections.open only (default TEST_APP_TOKEN). */
  appToken?: string;
  /** The clock of the response_url rules (default Date.now): tests move it past 30 minutes. */
  now?: () => number;
}

// Slack: an OAuth code is good once, for 10 minutes.
const CODE_LIFETIME_MS = 10 * 60 * 1000;

// Slack: a response_url can be used up to 5 times within 30 minutes of the interaction.
const RESPONSE_URL_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;
// Slack: an interaction must be acknowledged within 3 seconds, or the user sees an error.
const ACK_DEADLINE_MS = 3000;
const CHANNEL = /^[CGD][A-Z0-9]{2,}$/u;
const USER = /^[UW][A-Z0-9]{2,}$/u;
// Only these Web API arguments carry JSON; any other (text) stays as sent.
const JSON_ARGS = new Set(["blocks", "attachments", "metadata"]);

/**
 * A local stand-in for Slack on 127.0.0.1: the Web API (`/api/<method>`: auth.test,
 * chat.postMessage, chat.postEphemeral, chat.update, apps.connections.open) and
 * response_urls (`/response/<id>`). Like Slack it refuses what Slack refuses: a
 * missing or foreign token, a channel of another workspace, a missing user, any
 * message breaking Block Kit's documented rules, a response_url used a sixth time
 * or after 30 minutes, and (through `acceptAck`) an ack that is invalid or late.
 * Every refusal is answered as Slack answers it and kept in `rejections`.
 */
export interface FakeSlackApi {
  /** Base URL for `slackApiUrl` / SLACK_API_URL (ends with `/`). */
  apiUrl: string;
  /** A response_url on this fake, issued now (the 30 minutes run from the first call). */
  responseUrl(id: string): string;
  calls: Recorded<ApiCall>;
  /** The response_url posts Slack accepted. */
  responses: Recorded<ResponsePost>;
  rejections: Recorded<SlackRejection>;
  /** What apps.connections.open returns as the Socket Mode URL. */
  socketUrl: string | undefined;
  /**
   * A workspace approves the install (what Slack's approval page does): returns the
   * one-time `code` Slack puts on the redirect, valid for 10 minutes.
   */
  approveInstall(workspace: InstallingWorkspace): string;
  /** The bot token the fake issued to a workspace on its last install, if any. */
  tokenOf(teamId: string): string | undefined;
  /** The workspace removes the app: its token stops working (`token_revoked`). */
  revoke(teamId: string): void;
  /** Makes a Web API method answer `{ok: false, error}`; an empty error makes it succeed again. */
  failMethod(method: string, error: string): void;
  /**
   * Judges an ack as Slack would: later than 3 s is `operation_timeout`; a slash
   * command's ack body (empty, or a message) must be a valid message. Returns the refusal, if any.
   */
  acceptAck(ack: AckToJudge): SlackRejection | undefined;
  close(): Promise<void>;
}

/** An ack the app sent back: over HTTP the response body, in Socket Mode the envelope's payload. */
export interface AckToJudge {
  /** `slash_commands`, `interactive` or `events_api`. */
  kind: string;
  /** The ack's body: "" or a JSON text (HTTP), or the parsed payload (Socket Mode). */
  body: string | Record<string, unknown> | undefined;
  /** How long after the request the ack arrived. */
  afterMs: number;
}

interface Workspace {
  teamId: string;
  teamName?: string;
  botToken: string;
  revoked?: boolean;
  appToken?: string;
  /** Whether a channel id is one of this workspace's. */
  owns(channel: string): boolean;
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const now = options.now ?? Date.now;
  const calls = new Recorded<ApiCall>();
  const responses = new Recorded<ResponsePost>();
  const rejections = new Recorded<SlackRejection>();
  const failures = new Map<string, string>();
  const issued = new Map<string, { at: number; uses: number }>();
  const postedTs = new Set<string>();
  const workspaces: Workspace[] = [
    {
      teamId: FAKE_BOT.teamId,
      botToken: options.botToken ?? TEST_BOT_TOKEN,
      appToken: options.appToken ?? TEST_APP_TOKEN,
      // Every channel no other workspace owns.
      owns: (channel) =>
        CHANNEL.test(channel) && !workspaces.some((w) => w.teamId !== FAKE_BOT.teamId && w.owns(channel)),
    },
    {
      teamId: OTHER_WORKSPACE.teamId,
      botToken: OTHER_WORKSPACE.botToken,
      owns: (channel) => channel === OTHER_WORKSPACE.channel,
    },
  ];
  const codes = new Map<string, { workspace: InstallingWorkspace; at: number }>();
  let counter = 0;
  const reject = (where: string, refusal: SlackRefusal, body: unknown): SlackRejection => {
    const rejection = { where, error: refusal.error, errors: refusal.errors, body };
    rejections.push(rejection);
    return rejection;
  };
  const fake: FakeSlackApi = {
    apiUrl: "",
    responseUrl: (id) => {
      if (!issued.has(id)) issued.set(id, { at: now(), uses: 0 });
      return `${origin}/response/${id}`;
    },
    calls,
    responses,
    rejections,
    socketUrl: undefined,
    approveInstall: (workspace) => {
      counter += 1;
      const code = `code-${workspace.teamId}-${counter}`;
      codes.set(code, { workspace, at: now() });
      return code;
    },
    tokenOf: (teamId) => workspaces.filter((w) => w.teamId === teamId && !w.revoked).at(-1)?.botToken,
    revoke: (teamId) => {
      for (const w of workspaces) if (w.teamId === teamId) w.revoked = true;
    },
    failMethod: (method, error) => {
      if (error === "") failures.delete(method);
      else failures.set(method, error);
    },
    acceptAck: (ack) => {
      const where = `ack:${ack.kind}`;
      if (ack.afterMs > ACK_DEADLINE_MS) {
        return reject(
          where,
          { error: "operation_timeout", errors: [`acked after ${ack.afterMs} ms`] },
          ack.body,
        );
      }
      if (ack.kind !== "slash_commands") return undefined;
      const parsed = parseAckBody(ack.body);
      if (parsed === undefined) return undefined;
      const refusal = messageRefusal(parsed, "ack");
      return refusal && reject(where, refusal, parsed);
    },
    close: () => close(server),
  };

  function responseUrlPost(id: string, raw: string, contentType: string | undefined) {
    const where = `response:${id}`;
    const ticket = issued.get(id);
    if (ticket === undefined || now() - ticket.at > RESPONSE_URL_LIFETIME_MS) {
      return { status: 404, body: refusalBody(reject(where, { error: "expired_url", errors: [] }, raw)) };
    }
    if (ticket.uses >= RESPONSE_URL_USES) {
      return { status: 404, body: refusalBody(reject(where, { error: "used_url", errors: [] }, raw)) };
    }
    let payload: unknown;
    try {
      payload = contentType?.startsWith("application/json") ? JSON.parse(raw) : undefined;
    } catch {
      payload = undefined;
    }
    if (!isObject(payload)) {
      const refusal = { error: "invalid_payload", errors: ["a response_url takes a JSON object"] };
      return { status: 400, body: refusalBody(reject(where, refusal, raw)) };
    }
    const refusal = messageRefusal(payload, "response_url");
    if (refusal) return { status: 400, body: refusalBody(reject(where, refusal, payload)) };
    ticket.uses += 1;
    responses.push({ id, payload });
    return { status: 200, body: { ok: true } };
  }

  // oauth.v2.access: the app's credentials (form fields or Basic auth) and a fresh, unused code.
  function oauthAccess(args: Record<string, unknown>, basic: string | undefined) {
    const [basicId, basicSecret] = basic
      ? Buffer.from(basic, "base64").toString("utf8").split(":")
      : [undefined, undefined];
    const clientId = args.client_id ?? basicId;
    const clientSecret = args.client_secret ?? basicSecret;
    const refuse = (error: string) => {
      calls.push({ method: "oauth.v2.access", args, token: undefined, error });
      return refusalBody(reject("api:oauth.v2.access", { error, errors: [] }, args));
    };
    if (clientId !== TEST_CLIENT.clientId) return refuse("invalid_client_id");
    if (clientSecret !== TEST_CLIENT.clientSecret) return refuse("bad_client_secret");
    const code = typeof args.code === "string" ? args.code : "";
    const issued = codes.get(code);
    codes.delete(code);
    if (issued === undefined || now() - issued.at > CODE_LIFETIME_MS) return refuse("invalid_code");
    counter += 1;
    const { teamId, channel } = issued.workspace;
    const botToken = `xoxb-${teamId}-${counter}-installed`;
    // A reinstall replaces the workspace's token.
    for (const w of workspaces) if (w.teamId === teamId) w.revoked = true;
    workspaces.push({
      teamId,
      teamName: issued.workspace.teamName ?? teamId,
      botToken,
      owns: (c) => c === channel,
    });
    calls.push({ method: "oauth.v2.access", args, token: undefined });
    return {
      ok: true,
      app_id: "A0APP",
      authed_user: { id: "U0INSTALLER" },
      scope: "app_mentions:read,chat:write,commands",
      token_type: "bot",
      access_token: botToken,
      bot_user_id: `U${teamId.slice(1)}BOT`,
      team: { id: teamId, name: issued.workspace.teamName ?? teamId },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  function webApiCall(method: string, args: Record<string, unknown>, token: string | undefined) {
    const refusal = callRefusal(method, args, token, workspaces, postedTs);
    const failure = failures.get(method);
    const error = refusal?.error ?? failure;
    calls.push({ method, args, token, ...(error === undefined ? {} : { error }) });
    if (refusal) return refusalBody(reject(`api:${method}`, refusal, args));
    if (failure !== undefined) return { ok: false, error: failure };
    counter += 1;
    const body = answer(method, counter, fake.socketUrl, workspaceOf(token, workspaces), args);
    if (typeof body.ts === "string") postedTs.add(body.ts);
    if (typeof body.message_ts === "string") postedTs.add(body.message_ts);
    return body;
  }

  const server = createServer((req, res) => {
    readBody(req).then((raw) => {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const response = /^\/response\/([\w-]+)$/u.exec(path);
      if (response) {
        const { status, body } = responseUrlPost(response[1] as string, raw, req.headers["content-type"]);
        return send(status, body);
      }
      const api = /^\/api\/([\w.]+)$/u.exec(path);
      if (!api) return send(404, { ok: false, error: "not_found" });
      const args = parseArgs(raw, req.headers["content-type"]);
      if (api[1] === "oauth.v2.access") {
        return send(200, oauthAccess(args, req.headers.authorization?.replace(/^Basic /u, "")));
      }
      const bearer = req.headers.authorization?.replace(/^Bearer /u, "");
      const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
      return send(200, webApiCall(api[1] as string, args, token));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.apiUrl = `${origin}/api/`;
  return fake;
}

function refusalBody(rejection: SlackRejection): Record<string, unknown> {
  return {
    ok: false,
    error: rejection.error,
    ...(rejection.errors.length > 0
      ? { errors: rejection.errors, response_metadata: { messages: rejection.errors } }
      : {}),
  };
}

function workspaceOf(token: string | undefined, workspaces: Workspace[]): Workspace | undefined {
  return workspaces.find((w) => !w.revoked && (w.botToken === token || w.appToken === token));
}

/** What Slack refuses about a call before looking at its message: token, channel, user, ts. */
function callRefusal(
  method: string,
  args: Record<string, unknown>,
  token: string | undefined,
  workspaces: Workspace[],
  postedTs: Set<string>,
): SlackRefusal | undefined {
  if (token === undefined || token === "") return { error: "not_authed", errors: [] };
  const workspace = workspaceOf(token, workspaces);
  if (workspace === undefined) {
    const revoked = workspaces.some((w) => w.revoked && w.botToken === token);
    return { error: revoked ? "token_revoked" : "invalid_auth", errors: [] };
  }
  const isAppToken = workspace.appToken === token;
  if (method === "apps.connections.open") {
    return isAppToken ? undefined : { error: "not_allowed_token_type", errors: [] };
  }
  if (isAppToken) return { error: "not_allowed_token_type", errors: [] };
  if (!method.startsWith("chat.")) return undefined;
  const channel = args.channel;
  if (typeof channel !== "string" || !workspace.owns(channel))
    return { error: "channel_not_found", errors: [] };
  if (method === "chat.postEphemeral" && (typeof args.user !== "string" || !USER.test(args.user))) {
    return { error: "user_not_found", errors: [] };
  }
  if (method === "chat.update" && (typeof args.ts !== "string" || !postedTs.has(args.ts))) {
    return { error: "message_not_found", errors: [] };
  }
  if (method === "chat.postMessage" || method === "chat.postEphemeral" || method === "chat.update") {
    return messageRefusal(args, "web_api" satisfies MessageSurface);
  }
  return undefined;
}

function answer(
  method: string,
  counter: number,
  socketUrl: string | undefined,
  workspace: Workspace | undefined,
  args: Record<string, unknown>,
): Record<string, unknown> {
  const ts = `1700000000.${String(counter).padStart(6, "0")}`;
  switch (method) {
    case "auth.test":
      return {
        ok: true,
        url: "https://newsroom.slack.com/",
        team: workspace?.teamName ?? "Newsroom",
        team_id: workspace?.teamId ?? FAKE_BOT.teamId,
        user: "backstory",
        // An installed workspace has its own bot user; the built-in ones share the fake's.
        user_id: workspace?.teamName ? `U${workspace.teamId.slice(1)}BOT` : FAKE_BOT.userId,
        bot_id: workspace?.teamName ? `B${workspace.teamId.slice(1)}` : FAKE_BOT.botId,
      };
    case "chat.postMessage":
      return { ok: true, ts, channel: "C0NEWS" };
    case "chat.postEphemeral":
      return { ok: true, message_ts: ts };
    case "chat.update":
      return { ok: true, ts, channel: "C0NEWS" };
    case "users.info": {
      const user = args.user;
      if (typeof user !== "string" || !USER.test(user)) return { ok: false, error: "user_not_found" };
      const admin = user === FAKE_ADMIN;
      return {
        ok: true,
        user: {
          id: user,
          team_id: workspace?.teamId ?? FAKE_BOT.teamId,
          is_admin: admin,
          is_owner: false,
          is_bot: false,
        },
      };
    }
    case "apps.connections.open":
      return socketUrl === undefined
        ? { ok: false, error: "no_socket_server" }
        : { ok: true, url: socketUrl };
    default:
      return { ok: false, error: "unknown_method" };
  }
}

function parseAckBody(body: AckToJudge["body"]): unknown {
  if (body === undefined) return undefined;
  if (typeof body !== "string") return Object.keys(body).length === 0 ? undefined : body;
  if (body === "") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    // Slack shows a plain-text ack as the message's text.
    return { text: body };
  }
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.startsWith("application/json")) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return isObject(parsed) ? parsed : {};
    } catch {
      return {};
    }
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_ARGS.has(key) ? decodeJson(value) : value;
  }
  return args;
}

/** A JSON argument, or the text as sent when it is not JSON (then refused as a bad format). */
function decodeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Recorded } from "./wait-for.js";

/** One Web API call the fake received. */
export interface ApiCall {
  method: string;
  /** The arguments, with JSON-encoded fields (blocks) decoded. */
  args: Record<string, unknown>;
  /** The bearer token sent, if any. */
  token: string | undefined;
}

/** One message posted to a fake response_url. */
export interface ResponsePost {
  /** The id in `/response/<id>`. */
  id: string;
  payload: Record<string, unknown>;
}

/** Fake bot identity returned by auth.test. */
export const FAKE_BOT = { userId: "U0BOT", botId: "B0BOT", teamId: "T0TEAM" } as const;

/**
 * A local stand-in for Slack on 127.0.0.1: the Web API (`/api/<method>`: auth.test,
 * chat.postMessage, chat.postEphemeral, apps.connections.open) and response_urls
 * (`/response/<id>`). It records everything it receives.
 */
export interface FakeSlackApi {
  /** Base URL for `slackApiUrl` / SLACK_API_URL (ends with `/`). */
  apiUrl: string;
  /** A response_url on this fake. */
  responseUrl(id: string): string;
  calls: Recorded<ApiCall>;
  responses: Recorded<ResponsePost>;
  /** What apps.connections.open returns as the Socket Mode URL. */
  socketUrl: string | undefined;
  /** Makes a Web API method answer `{ok: false, error}`; an empty error makes it succeed again. */
  failMethod(method: string, error: string): void;
  close(): Promise<void>;
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls = new Recorded<ApiCall>();
  const responses = new Recorded<ResponsePost>();
  const failures = new Map<string, string>();
  let counter = 0;
  const fake: FakeSlackApi = {
    apiUrl: "",
    responseUrl: (id) => `${origin}/response/${id}`,
    calls,
    responses,
    socketUrl: undefined,
    failMethod: (method, error) => {
      if (error === "") failures.delete(method);
      else failures.set(method, error);
    },
    close: () => close(server),
  };
  const server = createServer((req, res) => {
    readBody(req).then((raw) => {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const response = /^\/response\/([\w-]+)$/u.exec(path);
      if (response) {
        responses.push({ id: response[1] as string, payload: JSON.parse(raw) as Record<string, unknown> });
        return send(200, { ok: true });
      }
      const api = /^\/api\/([\w.]+)$/u.exec(path);
      if (!api) return send(404, { ok: false, error: "not_found" });
      const method = api[1] as string;
      const auth = req.headers.authorization;
      calls.push({
        method,
        args: parseArgs(raw, req.headers["content-type"]),
        token: auth?.replace(/^Bearer /u, ""),
      });
      const failure = failures.get(method);
      if (failure !== undefined) return send(200, { ok: false, error: failure });
      counter += 1;
      return send(200, answer(method, counter, fake.socketUrl));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.apiUrl = `${origin}/api/`;
  return fake;
}

function answer(method: string, counter: number, socketUrl: string | undefined): Record<string, unknown> {
  const ts = `1700000000.${String(counter).padStart(6, "0")}`;
  switch (method) {
    case "auth.test":
      return {
        ok: true,
        url: "https://newsroom.slack.com/",
        team: "Newsroom",
        team_id: FAKE_BOT.teamId,
        user: "backstory",
        user_id: FAKE_BOT.userId,
        bot_id: FAKE_BOT.botId,
      };
    case "chat.postMessage":
      return { ok: true, ts, channel: "C0NEWS" };
    case "chat.postEphemeral":
      return { ok: true, message_ts: ts };
    case "apps.connections.open":
      return socketUrl === undefined
        ? { ok: false, error: "no_socket_server" }
        : { ok: true, url: socketUrl };
    default:
      return { ok: false, error: "unknown_method" };
  }
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.startsWith("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/u.test(value) ? JSON.parse(value) : value;
  }
  return args;
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

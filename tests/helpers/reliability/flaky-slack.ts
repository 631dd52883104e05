import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isObject, messageRefusal, type SlackRefusal } from "../../fakes/slack/block-kit-rules.js";

/** How the fake answers one request instead of succeeding. */
export type SlackFault =
  | { status: 500 | 502 | 503 | 404 | 410 }
  | { status: 429; retryAfterSeconds: number }
  | { platformError: string }
  | { reset: true };

/** One request the fake received and how it answered. */
export interface SlackHit {
  /** `api:<method>` or `response:<id>`. */
  target: string;
  /** The Web API arguments or the response_url payload. */
  body: Record<string, unknown>;
  /** The HTTP status sent, or 0 when the connection was reset. */
  status: number;
}

/** A message Slack would have refused (whatever fault was injected), and why. */
export interface SlackRefused extends SlackRefusal {
  target: string;
}

/**
 * A local Slack (Web API and response_urls) on 127.0.0.1 whose next answers can
 * be faults: 5xx, 429 with Retry-After, `{ok: false}` platform errors, or a reset
 * connection. It records every request with the status it got. Messages are
 * checked against Slack's documented rules (the fake Slack's own), calls without a
 * token refused (`not_authed`); what Slack would refuse is kept in `rejections`.
 */
export class FlakySlack {
  readonly hits: SlackHit[] = [];
  readonly rejections: SlackRefused[] = [];
  private readonly faults = new Map<string, SlackFault[]>();
  private readonly changes = new EventEmitter();
  private origin = "";

  private constructor(private readonly server: Server) {
    this.changes.setMaxListeners(0);
  }

  static async start(): Promise<FlakySlack> {
    let fake: FlakySlack | undefined;
    const server = createServer((req, res) => {
      void fake?.serve(req, res);
    });
    fake = new FlakySlack(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Base URL for `apiUrl` / SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url on this fake. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  /** The next requests to `target` (`api:chat.postMessage`, `response:r1`) get these faults, in order. */
  failNext(target: string, ...faults: SlackFault[]): void {
    this.faults.set(target, [...(this.faults.get(target) ?? []), ...faults]);
  }

  /** Judges a slash command's ack body ("" or a message) as Slack would, keeping any refusal. */
  judgeAck(body: string): void {
    if (body === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = { text: body };
    }
    const refusal = messageRefusal(parsed, "ack");
    if (refusal) this.rejections.push({ target: "ack", ...refusal });
  }

  /** Requests to a target, in order. */
  hitsAt(target: string): SlackHit[] {
    return this.hits.filter((h) => h.target === target);
  }

  /** Resolves when `count` requests have reached `target`. */
  waitForHits(target: string, count: number, timeoutMs = 10_000): Promise<SlackHit[]> {
    const ready = () => (this.hitsAt(target).length >= count ? this.hitsAt(target) : undefined);
    const now = ready();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const onChange = () => {
        const hits = ready();
        if (!hits) return;
        clearTimeout(timer);
        this.changes.off("change", onChange);
        resolve(hits);
      };
      const timer = setTimeout(() => {
        this.changes.off("change", onChange);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${count} requests to ${target}.`));
      }, timeoutMs);
      this.changes.on("change", onChange);
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const api = /^\/api\/([\w.]+)$/u.exec(path)?.[1];
    const response = /^\/response\/([\w-]+)$/u.exec(path)?.[1];
    const target = api ? `api:${api}` : response ? `response:${response}` : `other:${path}`;
    const body = parseBody(raw, req.headers["content-type"]);
    const refusal = refusalOf(api, response, body, req.headers.authorization);
    if (refusal) this.rejections.push({ target, ...refusal });
    const fault = this.faults.get(target)?.shift();
    const hit: SlackHit = { target, body, status: 200 };
    if (fault && "reset" in fault) {
      hit.status = 0;
      this.record(hit);
      req.socket.destroy();
      return;
    }
    let status = 200;
    let reply: unknown = api ? success(api) : { ok: true };
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (fault && "platformError" in fault) reply = { ok: false, error: fault.platformError };
    else if (refusal && !fault) {
      status = response ? 400 : 200;
      reply = { ok: false, error: refusal.error, errors: refusal.errors };
    } else if (fault && "status" in fault) {
      status = fault.status;
      reply = { ok: false, error: status === 429 ? "ratelimited" : "internal_error" };
      if ("retryAfterSeconds" in fault) headers["retry-after"] = String(fault.retryAfterSeconds);
    } else if (!api && !response) {
      status = 404;
      reply = { ok: false, error: "not_found" };
    }
    hit.status = status;
    res.writeHead(status, headers).end(JSON.stringify(reply));
    this.record(hit);
  }

  private record(hit: SlackHit): void {
    this.hits.push(hit);
    this.changes.emit("change");
  }
}

function success(method: string): Record<string, unknown> {
  switch (method) {
    case "auth.test":
      return { ok: true, team_id: "T0TEAM", user_id: "U0BOT", bot_id: "B0BOT", user: "backstory" };
    case "chat.postMessage":
      return { ok: true, ts: "1700000000.000200", channel: "C0NEWS" };
    case "chat.postEphemeral":
      return { ok: true, message_ts: "1700000000.000300" };
    default:
      return { ok: false, error: "unknown_method" };
  }
}

function refusalOf(
  api: string | undefined,
  response: string | undefined,
  body: Record<string, unknown>,
  authorization: string | undefined,
): SlackRefusal | undefined {
  if (response !== undefined) return messageRefusal(body, "response_url");
  if (api === undefined) return undefined;
  if (!authorization?.startsWith("Bearer ") && typeof body.token !== "string") {
    return { error: "not_authed", errors: [] };
  }
  if (api !== "chat.postMessage" && api !== "chat.postEphemeral") return undefined;
  if (typeof body.channel !== "string" || body.channel === "")
    return { error: "channel_not_found", errors: [] };
  if (api === "chat.postEphemeral" && (typeof body.user !== "string" || body.user === "")) {
    return { error: "user_not_found", errors: [] };
  }
  const blocks = typeof body.blocks === "string" ? decode(body.blocks) : body.blocks;
  return messageRefusal({ ...body, ...(blocks === undefined ? {} : { blocks }) }, "web_api");
}

function decode(json: string): unknown {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) || isObject(value) ? value : json;
  } catch {
    return json;
  }
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  try {
    if (type?.startsWith("application/json")) return JSON.parse(raw) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) out[key] = value;
    return out;
  } catch {
    return { raw };
  }
}

import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import type { FakeDiscord } from "../../fakes/discord/fake-discord.js";

/** A REST answer Discord could give instead of the real one. */
export interface RestFault {
  status: number;
  /** Sent as `Retry-After` (seconds) and `retry_after` in the body, as Discord does on 429. */
  retryAfterSeconds?: number;
}

/** One REST request that reached the proxy, and what it was answered. */
export interface RestAttempt {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/1/t/callback`. */
  route: string;
  status: number;
  /** Whether the status was injected by the proxy rather than the fake's. */
  injected: boolean;
}

interface PendingFault {
  matches: (method: string, route: string) => boolean;
  faults: RestFault[];
}

interface Link {
  client: WebSocket;
  upstream: WebSocket;
}

/**
 * A proxy on 127.0.0.1 in front of the fake Discord that can misbehave as the
 * real one does: REST answers replaced by 5xx or 429 (with Retry-After), and a
 * gateway that drops connections or sends INVALID_SESSION / RECONNECT. Everything
 * else passes through unchanged, so the fake still checks every payload.
 *
 * It wraps the fake rather than changing it: `/gateway/bot` and READY's
 * `resume_gateway_url` are rewritten to point at the proxy, so that reconnections
 * and resumes come back through it too.
 */
export class FaultyDiscord {
  readonly attempts: RestAttempt[] = [];
  /** Gateway frames sent to the bot, as `op` or `op:t` (e.g. `0:READY`, `9`). */
  readonly framesToBot: string[] = [];
  private readonly pending: PendingFault[] = [];
  private readonly links = new Set<Link>();
  private readonly changes = new EventEmitter();
  private readonly sockets = new WebSocketServer({ noServer: true });
  private port = 0;

  private constructor(
    private readonly fake: FakeDiscord,
    private readonly server: Server,
  ) {
    this.changes.setMaxListeners(0);
  }

  /** Starts the proxy in front of a started fake. */
  static async start(fake: FakeDiscord): Promise<FaultyDiscord> {
    let proxy: FaultyDiscord | undefined;
    const server = createServer((req, res) => {
      proxy?.forward(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(502).end(String(error));
      });
    });
    proxy = new FaultyDiscord(fake, server);
    const self = proxy;
    server.on("upgrade", (req, socket, head) => {
      self.sockets.handleUpgrade(req, socket, head, (client) => self.link(client, req));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    proxy.port = (server.address() as AddressInfo).port;
    return proxy;
  }

  /** The REST base URL to give the bot or the endpoint instead of the fake's. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  private get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Answers the next requests matching `matches` with `faults`, one each, in order; later ones pass. */
  failNext(matches: (method: string, route: string) => boolean, ...faults: RestFault[]): void {
    this.pending.push({ matches, faults: [...faults] });
  }

  /** The attempts at routes matching `matches`. */
  attemptsAt(matches: (method: string, route: string) => boolean): RestAttempt[] {
    return this.attempts.filter((a) => matches(a.method, a.route));
  }

  /** How many sessions have started or resumed (READY or RESUMED sent to the bot). */
  get sessionStarts(): number {
    return this.framesToBot.filter((f) => f === "0:READY" || f === "0:RESUMED").length;
  }

  /** Resolves once more than `count` sessions have started or resumed. */
  sessionStartedAfter(count: number, timeoutMs = 15_000): Promise<void> {
    return this.waitFor(() => this.sessionStarts > count, timeoutMs, `a session after ${count}`);
  }

  /** Cuts every gateway connection at once, as a network failure would (no close frame). */
  dropConnections(): void {
    for (const link of this.links) {
      link.client.terminate();
      link.upstream.terminate();
    }
  }

  /** Sends a gateway payload to the bot as if Discord had sent it (op 7 RECONNECT, op 9 INVALID_SESSION). */
  sendToBot(payload: { op: number; d: unknown }): void {
    for (const link of this.links) {
      if (link.client.readyState !== WebSocket.OPEN) continue;
      this.framesToBot.push(String(payload.op));
      link.client.send(JSON.stringify({ ...payload, s: null, t: null }));
    }
  }

  async close(): Promise<void> {
    this.dropConnections();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onChange = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.changes.off("change", onChange);
        resolve();
      };
      const timer = setTimeout(() => {
        this.changes.off("change", onChange);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
      }, timeoutMs);
      this.changes.on("change", onChange);
    });
  }

  private takeFault(method: string, route: string): RestFault | undefined {
    const entry = this.pending.find((p) => p.faults.length > 0 && p.matches(method, route));
    return entry?.faults.shift();
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/u, ""));
    const fault = this.takeFault(method, route);
    if (fault) {
      this.record({ method, route, status: fault.status, injected: true });
      const headers: Record<string, string> = { "content-type": "application/json" };
      let reply: unknown = { message: "Internal Server Error", code: 0 };
      if (fault.retryAfterSeconds !== undefined) {
        headers["retry-after"] = String(fault.retryAfterSeconds);
        reply = {
          message: "You are being rate limited.",
          retry_after: fault.retryAfterSeconds,
          global: false,
        };
      }
      res.writeHead(fault.status, headers).end(JSON.stringify(reply));
      return;
    }
    const upstream = await this.passThrough(req, method, `${url.pathname}${url.search}`, body);
    let text = upstream.body;
    // Gateway discovery hands out the proxy, so connections come through it.
    if (route === "/gateway/bot" || route === "/gateway") {
      text = text.split(this.fake.gatewayUrl).join(this.gatewayUrl);
    }
    this.record({ method, route, status: upstream.status, injected: false });
    res.writeHead(upstream.status, upstream.headers).end(text);
  }

  private passThrough(
    req: IncomingMessage,
    method: string,
    path: string,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const origin = new URL(this.fake.apiUrl).origin;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && name !== "host" && name !== "connection") headers[name] = value;
    }
    return new Promise((resolve, reject) => {
      const out = request(`${origin}${path}`, { method, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => parts.push(chunk));
        answer.on("end", () => {
          const type = answer.headers["content-type"];
          resolve({
            status: answer.statusCode ?? 502,
            headers: typeof type === "string" ? { "content-type": type } : {},
            body: Buffer.concat(parts).toString("utf8"),
          });
        });
      });
      out.on("error", reject);
      out.end(body);
    });
  }

  private record(attempt: RestAttempt): void {
    this.attempts.push(attempt);
    this.changes.emit("change");
  }

  private link(client: WebSocket, req: IncomingMessage): void {
    const upstream = new WebSocket(`${this.fake.gatewayUrl}${req.url ?? "/"}`);
    const link: Link = { client, upstream };
    this.links.add(link);
    const early: RawData[] = [];
    client.on("message", (data) => {
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data.toString());
      else early.push(data);
    });
    upstream.on("open", () => {
      for (const data of early.splice(0)) upstream.send(data.toString());
    });
    upstream.on("message", (data) => {
      const text = data.toString();
      const frame = JSON.parse(text) as { op: number; t?: string | null; d?: Record<string, unknown> };
      if (frame.op === 0 && frame.t === "READY" && frame.d) frame.d.resume_gateway_url = this.gatewayUrl;
      this.framesToBot.push(frame.op === 0 ? `0:${frame.t}` : String(frame.op));
      if (client.readyState === WebSocket.OPEN) client.send(JSON.stringify(frame));
      this.changes.emit("change");
    });
    const end = () => {
      this.links.delete(link);
      if (client.readyState === WebSocket.OPEN) client.close(1000);
      if (upstream.readyState === WebSocket.OPEN || upstream.readyState === WebSocket.CONNECTING) {
        upstream.terminate();
      }
    };
    client.on("close", end);
    upstream.on("close", (code) => {
      this.links.delete(link);
      if (client.readyState === WebSocket.OPEN) client.close(code >= 4000 ? code : 1000);
    });
    client.on("error", end);
    upstream.on("error", end);
  }
}

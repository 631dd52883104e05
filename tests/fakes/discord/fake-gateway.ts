import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { BOT_USER_ID, botUser } from "./payloads.js";

/** What the fake gateway saw of a client. */
export interface GatewayLog {
  /** IDENTIFY payloads (`d`), token included. */
  identifies: Record<string, unknown>[];
  /** Query of each connection URL (`v`, `encoding`, `compress`). */
  connections: URLSearchParams[];
  heartbeats: number;
  heartbeatAcks: number;
}

/** Options of the fake gateway. */
export interface FakeGatewayOptions {
  token: string;
  applicationId: string;
  heartbeatIntervalMs: number;
  /** Called whenever something is logged, so waiters can look again. */
  onChange(): void;
}

interface Session {
  socket: WebSocket;
  sequence: number;
  identified: boolean;
}

/**
 * A gateway speaking Discord's JSON protocol (no compression): HELLO (op 10)
 * on connect, IDENTIFY (op 2) answered with a READY dispatch (no guilds, so
 * the client is ready at once), HEARTBEAT (op 1) answered with ACK (op 11),
 * and dispatches (op 0) such as INTERACTION_CREATE to the identified client.
 */
export class FakeGateway {
  readonly log: GatewayLog = { identifies: [], connections: [], heartbeats: 0, heartbeatAcks: 0 };
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();

  constructor(
    private readonly options: FakeGatewayOptions,
    private readonly url: () => string,
  ) {
    this.server.on("connection", (socket, req: IncomingMessage) => this.accept(socket, req));
  }

  /** Takes over an HTTP upgrade request. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(req, socket, head, (ws) => this.server.emit("connection", ws, req));
  }

  /** Whether a client has identified and is ready for dispatches. */
  get ready(): boolean {
    return [...this.sessions].some((s) => s.identified);
  }

  /** Sends a dispatch (op 0) to every identified client. */
  dispatch(event: string, data: unknown): void {
    const ready = [...this.sessions].filter((s) => s.identified);
    if (ready.length === 0) throw new Error(`No client is connected to receive ${event}.`);
    for (const session of ready) this.send(session, { op: 0, t: event, s: ++session.sequence, d: data });
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, req: IncomingMessage): void {
    const session: Session = { socket, sequence: 0, identified: false };
    this.sessions.add(session);
    this.log.connections.push(new URL(req.url ?? "/", "ws://fake").searchParams);
    socket.on("close", () => this.sessions.delete(session));
    socket.on("message", (raw) => this.receive(session, raw.toString()));
    this.send(session, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
    this.options.onChange();
  }

  private receive(session: Session, raw: string): void {
    const payload = JSON.parse(raw) as { op: number; d: Record<string, unknown> };
    switch (payload.op) {
      case 1:
        this.log.heartbeats++;
        this.send(session, { op: 11 });
        this.log.heartbeatAcks++;
        break;
      case 2:
        this.log.identifies.push(payload.d);
        if (payload.d.token !== this.options.token) {
          session.socket.close(4004, "Authentication failed.");
          break;
        }
        session.identified = true;
        this.send(session, { op: 0, t: "READY", s: ++session.sequence, d: this.readyData() });
        break;
      case 6:
        session.identified = true;
        this.send(session, { op: 0, t: "RESUMED", s: ++session.sequence, d: {} });
        break;
      default:
        break;
    }
    this.options.onChange();
  }

  private readyData() {
    return {
      v: 10,
      user: { ...botUser(), id: BOT_USER_ID, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [],
      session_id: "fake-session",
      resume_gateway_url: this.url(),
      shard: [0, 1],
      application: { id: this.options.applicationId, flags: 0 },
    };
  }

  private send(session: Session, payload: unknown): void {
    session.socket.send(JSON.stringify(payload));
  }
}

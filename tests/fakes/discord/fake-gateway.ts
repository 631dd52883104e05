import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { BOT_USER_ID, botUser } from "./payloads.js";

/** What the fake gateway saw of a client. */
export interface GatewayLog {
  /** IDENTIFY payloads (`d`), token included. */
  identifies: Record<string, unknown>[];
  /** RESUME payloads (`d`): token, session_id, seq. */
  resumes: Record<string, unknown>[];
  /** How each RESUME was answered: `resumed` (missed events replayed, then RESUMED) or `invalid` (op 9). */
  resumeOutcomes: ("resumed" | "invalid")[];
  /** Events replayed to resuming clients (their `t`). */
  replayed: string[];
  /** Close codes the gateway closed connections with (4004 bad token, 4013/4014 intents…). */
  closes: number[];
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
  /** Privileged intents the application has been granted (default none, as Backstory needs none). */
  privilegedIntents?: number;
  /**
   * The fewest shards Discord accepts for this bot (its guild count over 2,500 a shard):
   * an IDENTIFY with fewer is closed with 4011. Default 1.
   */
  requiredShards?: number;
  /** Called whenever something is logged, so waiters can look again. */
  onChange(): void;
}

/** A dispatch as sent: its sequence number, event name and data. */
interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

/**
 * A gateway session: it outlives its connection. Events dispatched while no
 * connection is attached are kept, and replayed to a client that resumes it.
 */
interface Session {
  id: string;
  /** `[shard_id, num_shards]` as identified (`[0, 1]` when not sharded). */
  shard: readonly [number, number];
  sequence: number;
  events: Dispatch[];
  connection: Connection | undefined;
}

interface Connection {
  socket: WebSocket;
  session: Session | undefined;
}

// Discord's documented intents (bits 0–16, 20, 21, 24, 25) and the privileged ones
// (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT).
const KNOWN_INTENTS = [...Array.from({ length: 17 }, (_, i) => i), 20, 21, 24, 25].reduce(
  (mask, bit) => mask | (1 << bit),
  0,
);
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
// Close codes: authentication failed, already authenticated, invalid intents, disallowed intents.
const AUTHENTICATION_FAILED = 4004;
const ALREADY_AUTHENTICATED = 4005;
const INVALID_INTENTS = 4013;
const DISALLOWED_INTENTS = 4014;
// Close codes: an invalid shard (`shard` malformed, or id ≥ count); sharding required.
const INVALID_SHARD = 4010;
const SHARDING_REQUIRED = 4011;

/**
 * A gateway speaking Discord's JSON protocol (no compression): HELLO (op 10) on
 * connect; IDENTIFY (op 2) checked (token, intents, `shard: [id, count]`: 4010 when
 * malformed or id ≥ count, 4011 below the required count) and answered with READY (no
 * guilds, so the client is ready at once, echoing its shard) and a new session; RESUME (op 6) checked
 * like Discord (token, a session that exists, a sequence it has reached) and
 * answered with the missed events then RESUMED, or INVALID_SESSION (op 9, not
 * resumable); HEARTBEAT (op 1) answered with ACK (op 11); dispatches (op 0) such as
 * INTERACTION_CREATE sent to every live session of the shard that owns the guild
 * (`(guild_id >> 22) % num_shards`, as Discord routes; shard 0 for DMs), kept for
 * replay while a session has no connection. A clean close (1000, 1001) ends the session, as on Discord.
 */
export class FakeGateway {
  readonly log: GatewayLog = {
    identifies: [],
    resumes: [],
    resumeOutcomes: [],
    replayed: [],
    closes: [],
    connections: [],
    heartbeats: 0,
    heartbeatAcks: 0,
  };
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  private sessionCount = 0;

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

  /** Whether a client is connected on an identified (or resumed) session, ready for dispatches. */
  get ready(): boolean {
    return [...this.sessions.values()].some((s) => s.connection !== undefined);
  }

  /** Whether a session of shard `id` of `count` has a connection. */
  shardConnected(id: number, count: number): boolean {
    return [...this.sessions.values()].some(
      (s) => s.connection !== undefined && s.shard[0] === id && s.shard[1] === count,
    );
  }

  /**
   * Sends a dispatch (op 0) to every live session of the shard owning its guild: at
   * once to a connected one, on its resume to one whose connection dropped.
   */
  dispatch(event: string, data: unknown): void {
    const guildId = guildOf(data);
    const sessions = [...this.sessions.values()].filter((s) => ownsGuild(s.shard, guildId));
    if (sessions.length === 0) throw new Error(`No client is connected to receive ${event}.`);
    for (const session of sessions) this.sendEvent(session, event, data);
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, req: IncomingMessage): void {
    const connection: Connection = { socket, session: undefined };
    this.connections.add(connection);
    this.log.connections.push(new URL(req.url ?? "/", "ws://fake").searchParams);
    socket.on("close", (code) => this.disconnected(connection, code));
    socket.on("message", (raw) => this.receive(connection, raw.toString()));
    this.send(connection, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
    this.options.onChange();
  }

  private disconnected(connection: Connection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (session?.connection === connection) {
      session.connection = undefined;
      // A clean close ends the session; any other (a drop, 4xxx) leaves it resumable.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    }
    this.options.onChange();
  }

  private receive(connection: Connection, raw: string): void {
    const payload = JSON.parse(raw) as { op: number; d: Record<string, unknown> | null };
    const d = payload.d ?? {};
    switch (payload.op) {
      case 1:
        this.log.heartbeats++;
        this.send(connection, { op: 11 });
        this.log.heartbeatAcks++;
        break;
      case 2:
        this.log.identifies.push(d);
        this.identify(connection, d);
        break;
      case 6:
        this.log.resumes.push(d);
        this.resume(connection, d);
        break;
      default:
        break;
    }
    this.options.onChange();
  }

  private identify(connection: Connection, d: Record<string, unknown>): void {
    const refusal = this.identifyRefusal(connection, d);
    if (refusal !== undefined) {
      this.closeWith(connection, refusal);
      return;
    }
    this.sessionCount += 1;
    const session: Session = {
      id: `fake-session-${this.sessionCount}`,
      shard: (d.shard as [number, number] | undefined) ?? [0, 1],
      sequence: 0,
      events: [],
      connection,
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    this.sendEvent(session, "READY", this.readyData(session));
  }

  /** The close code an IDENTIFY gets instead of a session, if any. */
  private identifyRefusal(connection: Connection, d: Record<string, unknown>): number | undefined {
    if (connection.session !== undefined) return ALREADY_AUTHENTICATED;
    if (d.token !== this.options.token) return AUTHENTICATION_FAILED;
    const intents = d.intents;
    if (typeof intents !== "number" || !Number.isInteger(intents) || intents < 0) return INVALID_INTENTS;
    if ((intents & ~KNOWN_INTENTS) !== 0) return INVALID_INTENTS;
    if ((intents & PRIVILEGED_INTENTS & ~(this.options.privilegedIntents ?? 0)) !== 0)
      return DISALLOWED_INTENTS;
    const shard = d.shard;
    if (shard !== undefined) {
      if (!isShard(shard)) return INVALID_SHARD;
      if (shard[1] < (this.options.requiredShards ?? 1)) return SHARDING_REQUIRED;
    } else if ((this.options.requiredShards ?? 1) > 1) return SHARDING_REQUIRED;
    return undefined;
  }

  private resume(connection: Connection, d: Record<string, unknown>): void {
    if (d.token !== this.options.token) {
      this.closeWith(connection, AUTHENTICATION_FAILED);
      return;
    }
    const session = typeof d.session_id === "string" ? this.sessions.get(d.session_id) : undefined;
    const seq = d.seq;
    const reached =
      typeof seq === "number" && Number.isInteger(seq) && session !== undefined && seq <= session.sequence;
    if (session === undefined || !reached) {
      this.log.resumeOutcomes.push("invalid");
      this.send(connection, { op: 9, d: false });
      return;
    }
    // The session moves to this connection; an older one still attached is closed.
    const previous = session.connection;
    if (previous !== undefined && previous !== connection) {
      previous.session = undefined;
      previous.socket.close(4000, "Session resumed elsewhere.");
    }
    session.connection = connection;
    connection.session = session;
    for (const event of session.events.filter((e) => e.s > seq)) {
      this.log.replayed.push(event.t);
      this.send(connection, { op: 0, ...event });
    }
    this.log.resumeOutcomes.push("resumed");
    this.sendEvent(session, "RESUMED", {});
  }

  private sendEvent(session: Session, t: string, d: unknown): void {
    session.sequence += 1;
    const event: Dispatch = { s: session.sequence, t, d };
    session.events.push(event);
    if (session.connection !== undefined) this.send(session.connection, { op: 0, ...event });
  }

  private closeWith(connection: Connection, code: number): void {
    this.log.closes.push(code);
    connection.socket.close(code);
  }

  private readyData(session: Session) {
    const sessionId = session.id;
    return {
      v: 10,
      user: { ...botUser(), id: BOT_USER_ID, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [],
      session_id: sessionId,
      resume_gateway_url: this.url(),
      shard: [...session.shard],
      application: { id: this.options.applicationId, flags: 0 },
    };
  }

  private send(connection: Connection, payload: unknown): void {
    connection.socket.send(JSON.stringify(payload));
  }
}

function isShard(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => Number.isInteger(n) && n >= 0) &&
    value[1] >= 1 &&
    value[0] < value[1]
  );
}

function guildOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || !("guild_id" in data)) return undefined;
  return typeof data.guild_id === "string" ? data.guild_id : undefined;
}

// Discord's rule: a guild's events go to shard (guild_id >> 22) % num_shards; DMs to shard 0.
function ownsGuild(shard: readonly [number, number], guildId: string | undefined): boolean {
  const [id, count] = shard;
  if (guildId === undefined) return id === 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}

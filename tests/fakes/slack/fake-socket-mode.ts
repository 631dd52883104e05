import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import type { AckToJudge } from "./fake-slack-api.js";
import { Recorded } from "./wait-for.js";

/** A Socket Mode envelope as Slack sends it. */
export interface Envelope {
  envelope_id: string;
  type: "slash_commands" | "interactive" | "events_api";
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
}

/**
 * A local stand-in for Slack's Socket Mode WebSocket on 127.0.0.1: greets each
 * connection with `hello`, lets the test send envelopes, and records what the
 * client sends back (the acks: `{envelope_id, payload}`, the payload being the ack's body).
 */
export interface FakeSocketMode {
  /** The `ws://` URL for apps.connections.open to return. */
  url: string;
  /** Messages received from the client, parsed, whole (envelope id and payload). */
  received: Recorded<Record<string, unknown>>;
  /** Resolves when a client has connected and been sent `hello`. */
  connected(): Promise<void>;
  /** Sends an envelope to the connected client. */
  send(envelope: Envelope): void;
  close(): Promise<void>;
}

/**
 * Starts the fake Socket Mode server on an ephemeral port. Each ack (a message
 * with an `envelope_id`) is handed to `judge` with how long after its envelope it came.
 */
export async function startFakeSocketMode(
  judge: (ack: AckToJudge) => void = () => {},
): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const received = new Recorded<Record<string, unknown>>();
  const connections = new Recorded<WebSocket>();
  const sent = new Map<string, { kind: string; at: number }>();
  server.on("connection", (socket) => {
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      const envelope = sent.get(String(message.envelope_id));
      if (envelope !== undefined) {
        const body = message.payload as Record<string, unknown> | undefined;
        judge({ kind: envelope.kind, body, afterMs: Date.now() - envelope.at });
      }
      received.push(message);
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "fake", approximate_connection_time: 3600 },
        connection_info: { app_id: "A0APP" },
      }),
      () => connections.push(socket),
    );
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake`,
    received,
    connected: async () => {
      await connections.waitFor(() => true, "a Socket Mode connection");
    },
    send: (envelope) => {
      const socket = connections.entries.at(-1);
      if (socket === undefined) throw new Error("no Socket Mode client connected");
      sent.set(envelope.envelope_id, { kind: envelope.type, at: Date.now() });
      socket.send(JSON.stringify(envelope));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

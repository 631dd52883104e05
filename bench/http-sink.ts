import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One answer the app delivered to a response_url. */
export interface Delivery {
  /** `performance.now()` in this process when it arrived. */
  at: number;
  /** A rendered answer (a header block), not a warning such as a refusal. */
  answered: boolean;
}

/**
 * A stand-in for Slack and Discord on 127.0.0.1: Slack's Web API (`/api/auth.test`
 * and friends answer ok), Slack response_urls (`/response/<seq>`, recorded with
 * their arrival time) and Discord's REST API (follow-ups after a deferral, counted).
 */
export interface Sink {
  /** SLACK_API_URL for the app (ends with `/`). */
  slackApiUrl: string;
  /** DISCORD_API_URL for the app. */
  discordApiUrl: string;
  responseUrl(seq: number): string;
  deliveries: Map<number, Delivery>;
  /** Calls to the Discord REST stand-in (deferred answers edited in later). */
  discordRestCalls: number;
  close(): Promise<void>;
}

/** Starts the stand-in on an ephemeral port. */
export async function startSink(): Promise<Sink> {
  const deliveries = new Map<number, Delivery>();
  const state = { discordRestCalls: 0 };
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const path = new URL(req.url ?? "/", "http://localhost").pathname;
        const response = /^\/response\/(\d+)$/u.exec(path);
        if (response) {
          deliveries.set(Number(response[1]), { at: performance.now(), answered: isAnswer(body) });
          res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        } else if (path.startsWith("/api/")) {
          const reply =
            path === "/api/auth.test"
              ? { ok: true, user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0BENCH" }
              : { ok: true };
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
        } else {
          state.discordRestCalls++;
          res.writeHead(200, { "content-type": "application/json" }).end("{}");
        }
      },
      () => res.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    slackApiUrl: `${origin}/api/`,
    discordApiUrl: `${origin}/discord`,
    responseUrl: (seq) => `${origin}/response/${seq}`,
    deliveries,
    get discordRestCalls() {
      return state.discordRestCalls;
    },
    close: () => close(server),
  };
}

/**
 * True when a Slack message (JSON, as Bolt posts it to a response_url or sends it as
 * an ack's body) is a rendered answer, which opens with a header block; false for a
 * warning (refusal, rate limit, failure) or anything else.
 */
export function isAnswer(body: string): boolean {
  try {
    const message = JSON.parse(body) as { blocks?: { type?: string }[] };
    return message.blocks?.[0]?.type === "header";
  } catch {
    return false;
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

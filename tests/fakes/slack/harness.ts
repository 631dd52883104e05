import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSlackApp, type SlackApp } from "../../../src/adapters/slack/index.js";
import { type Logger, silentLogger } from "../../../src/logger.js";
import type { Asker } from "../../../src/service/asker.js";
import type { Insights } from "../../../src/service/insights/insights.js";
import { type FakeSlackApi, startFakeSlackApi, TEST_APP_TOKEN, TEST_BOT_TOKEN } from "./fake-slack-api.js";
import { type FakeSocketMode, startFakeSocketMode } from "./fake-socket-mode.js";
import { FORM, type PostResult, postSigned } from "./signed-request.js";
import { Recorded } from "./wait-for.js";

/** Credentials the tests use; none is real. */
export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export { TEST_APP_TOKEN, TEST_BOT_TOKEN };

/** Options of the harnesses. */
export interface HarnessOptions {
  asker: Asker;
  logger?: Logger;
  defaultPrivate?: boolean;
  maxBodyBytes?: number;
  /** How long a slash command's answer may take to be sent as the ack itself (default: the app's). */
  answerBudgetMs?: number;
  /** HTTP mode: how long Bolt waits for an ack before answering Slack itself (default: Bolt's). */
  ackTimeoutMs?: number;
  /** Records votes (insights on). */
  insights?: Insights;
}

/** The real Bolt app in HTTP mode, mounted on a local server as the service mounts it. */
export interface HttpHarness {
  /** `http://127.0.0.1:<port>/slack/events`. */
  eventsUrl: string;
  /** The server's origin, for requests to other paths. */
  origin: string;
  fake: FakeSlackApi;
  slack: SlackApp;
  /**
   * POSTs a signed body to the events URL as Slack does, and has the fake judge the
   * ack as Slack would (its timing, and a slash command's message).
   */
  send(body: string, contentType?: string, kind?: AckKind): Promise<PostResult>;
  /** Requests the app has finished handling (listener returned, its posts answered). */
  handled: Recorded<HandledRequest>;
  close(): Promise<void>;
}

/** A request the app finished handling. */
export interface HandledRequest {
  /** Its response_url, when it had one. */
  responseUrl?: string;
  /** Its payload, as Bolt saw it. */
  body: Record<string, unknown>;
}

/** What a request to the events URL carries, for judging its ack. */
export type AckKind = "slash_commands" | "interactive" | "events_api";

/** Starts the fake Slack API and the app's request listener on 127.0.0.1. */
export async function startHttpHarness(options: HarnessOptions): Promise<HttpHarness> {
  const fake = await startFakeSlackApi();
  const slack = createSlackApp({
    asker: options.asker,
    logger: options.logger ?? silentLogger,
    botToken: TEST_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    defaultPrivate: options.defaultPrivate ?? true,
    ...(options.insights ? { insights: options.insights } : {}),
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }),
    ...budget(options),
  });
  const handled = recordHandling(slack);
  const listener = slack.requestListener;
  if (listener === undefined) throw new Error("HTTP mode gave no request listener");
  const server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    eventsUrl: `${origin}/slack/events`,
    origin,
    fake,
    slack,
    handled,
    send: async (body, contentType = FORM, kind = kindOf(body, contentType)) => {
      const started = Date.now();
      const result = await postSigned(`${origin}/slack/events`, body, contentType, TEST_SIGNING_SECRET);
      if (result.status === 200) fake.acceptAck({ kind, body: result.body, afterMs: Date.now() - started });
      return result;
    },
    close: async () => {
      await slack.stop();
      await closeServer(server);
      await fake.close();
    },
  };
}

/** The real Bolt app in Socket Mode, connected to local fakes of Slack. */
export interface SocketHarness {
  fake: FakeSlackApi;
  socket: FakeSocketMode;
  slack: SlackApp;
  /** Requests the app has finished handling (listener returned, its posts answered). */
  handled: Recorded<HandledRequest>;
  close(): Promise<void>;
}

/** Starts the fakes, then the app in Socket Mode, and waits until it is connected. */
export async function startSocketHarness(options: HarnessOptions): Promise<SocketHarness> {
  const fake = await startFakeSlackApi();
  const socket = await startFakeSocketMode((ack) => fake.acceptAck(ack));
  fake.socketUrl = socket.url;
  const slack = createSlackApp({
    asker: options.asker,
    logger: options.logger ?? silentLogger,
    botToken: TEST_BOT_TOKEN,
    appToken: TEST_APP_TOKEN,
    apiUrl: fake.apiUrl,
    defaultPrivate: options.defaultPrivate ?? true,
    ...(options.insights ? { insights: options.insights } : {}),
    ...budget(options),
  });
  const handled = recordHandling(slack);
  await slack.start();
  await socket.connected();
  return {
    fake,
    socket,
    slack,
    handled,
    close: async () => {
      await slack.stop();
      await socket.close();
      await fake.close();
    },
  };
}

// A global middleware's `next()` resolves once every listener has settled, awaited
// posts included: tests wait on this instead of sleeping through a "quiet period".
function recordHandling(slack: SlackApp): Recorded<HandledRequest> {
  const handled = new Recorded<HandledRequest>();
  slack.app.use(async ({ body, next }) => {
    try {
      await next();
    } finally {
      const record = body as unknown as Record<string, unknown>;
      const url = record.response_url;
      handled.push({ body: record, ...(typeof url === "string" ? { responseUrl: url } : {}) });
    }
  });
  return handled;
}

/** A form with a `payload` field is an interaction; other forms are slash commands; JSON is an event. */
function kindOf(body: string, contentType: string): AckKind {
  if (contentType !== FORM) return "events_api";
  return new URLSearchParams(body).has("payload") ? "interactive" : "slash_commands";
}

function budget(options: HarnessOptions): { answerBudgetMs?: number } {
  return options.answerBudgetMs === undefined ? {} : { answerBudgetMs: options.answerBudgetMs };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSlackApp, type SlackApp } from "../../../src/adapters/slack/index.js";
import { type Logger, silentLogger } from "../../../src/logger.js";
import type { Asker } from "../../../src/service/asker.js";
import { type FakeSlackApi, startFakeSlackApi } from "./fake-slack-api.js";
import { type FakeSocketMode, startFakeSocketMode } from "./fake-socket-mode.js";

/** Credentials the tests use; none is real. */
export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEST_BOT_TOKEN = "xoxb-000-000-testtoken";
export const TEST_APP_TOKEN = "xapp-1-A0APP-000-testtoken";

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
}

/** The real Bolt app in HTTP mode, mounted on a local server as the service mounts it. */
export interface HttpHarness {
  /** `http://127.0.0.1:<port>/slack/events`. */
  eventsUrl: string;
  /** The server's origin, for requests to other paths. */
  origin: string;
  fake: FakeSlackApi;
  slack: SlackApp;
  close(): Promise<void>;
}

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
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }),
    ...budget(options),
  });
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
  close(): Promise<void>;
}

/** Starts the fakes, then the app in Socket Mode, and waits until it is connected. */
export async function startSocketHarness(options: HarnessOptions): Promise<SocketHarness> {
  const fake = await startFakeSlackApi();
  const socket = await startFakeSocketMode();
  fake.socketUrl = socket.url;
  const slack = createSlackApp({
    asker: options.asker,
    logger: options.logger ?? silentLogger,
    botToken: TEST_BOT_TOKEN,
    appToken: TEST_APP_TOKEN,
    apiUrl: fake.apiUrl,
    defaultPrivate: options.defaultPrivate ?? true,
    ...budget(options),
  });
  await slack.start();
  await socket.connected();
  return {
    fake,
    socket,
    slack,
    close: async () => {
      await slack.stop();
      await socket.close();
      await fake.close();
    },
  };
}

function budget(options: HarnessOptions): { answerBudgetMs?: number } {
  return options.answerBudgetMs === undefined ? {} : { answerBudgetMs: options.answerBudgetMs };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

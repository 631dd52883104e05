import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDiscordInteractionsListener } from "../../../src/adapters/discord/index.js";
import { createSlackApp } from "../../../src/adapters/slack/index.js";
import type { Logger } from "../../../src/logger.js";
import type { Asker } from "../../../src/service/asker.js";
import { createDiscordSigner, type DiscordSigner } from "../../fakes/discord/signing.js";
import { type FakeSlackApi, startFakeSlackApi } from "../../fakes/slack/fake-slack-api.js";
import { type RecordingAsker, recordingAsker } from "../askers.js";
import { type MemoryLogger, memoryLogger } from "../memory-logger.js";

/** Known fake secrets: a test scans every log line for them. */
export const FAKE_SECRETS = Object.freeze({
  slackBotToken: "xoxb-FAKE-SECRET-123-bot-token",
  slackSigningSecret: "FAKE-SIGNING-SECRET-4567-abcdef",
  slackAppToken: "xapp-1-FAKE-SECRET-890-app-token",
  discordToken: "FAKE-DISCORD-TOKEN.Mjk4.SECRET-xyz",
});

/** Both platforms' real HTTP listeners on one server on 127.0.0.1, as the web process mounts them. */
export interface PlatformEndpoints {
  /** `http://127.0.0.1:<port>/slack/events`. */
  slackUrl: string;
  /** `http://127.0.0.1:<port>/discord/interactions`. */
  discordUrl: string;
  /** Every question that reached the Asker, from either platform. */
  asker: RecordingAsker;
  signer: DiscordSigner;
  applicationId: string;
  slackApi: FakeSlackApi;
  log: MemoryLogger;
  maxBodyBytes: number;
  close(): Promise<void>;
}

/** Options of startPlatformEndpoints. */
export interface EndpointOptions {
  asker: Asker;
  maxBodyBytes?: number;
  /** Discord REST base URL for follow-ups (default: a closed port, nothing should be sent). */
  discordApiUrl?: string;
  logger?: Logger;
}

/** Starts the fake Slack Web API, then both listeners on one ephemeral port of 127.0.0.1. */
export async function startPlatformEndpoints(options: EndpointOptions): Promise<PlatformEndpoints> {
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const slackApi = await startFakeSlackApi({ botToken: FAKE_SECRETS.slackBotToken });
  const asker = recordingAsker(options.asker);
  const log = memoryLogger("debug");
  const logger = options.logger ?? log.logger;
  const signer = createDiscordSigner();
  const applicationId = "300000000000000099";
  const discord = createDiscordInteractionsListener({
    asker,
    logger,
    defaultPrivate: true,
    applicationId,
    publicKey: signer.publicKeyHex,
    apiUrl: options.discordApiUrl ?? "http://127.0.0.1:9/api",
    maxBodyBytes,
  });
  const slack = createSlackApp({
    asker,
    logger,
    botToken: FAKE_SECRETS.slackBotToken,
    signingSecret: FAKE_SECRETS.slackSigningSecret,
    apiUrl: slackApi.apiUrl,
    defaultPrivate: true,
    maxBodyBytes,
  });
  const slackListener = slack.requestListener;
  if (slackListener === undefined) throw new Error("Slack HTTP mode gave no request listener");
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (path === "/discord/interactions") discord(req, res);
    else if (path === "/slack/events") slackListener(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    slackUrl: `${origin}/slack/events`,
    discordUrl: `${origin}/discord/interactions`,
    asker,
    signer,
    applicationId,
    slackApi,
    log,
    maxBodyBytes,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slackApi.close();
    },
  };
}

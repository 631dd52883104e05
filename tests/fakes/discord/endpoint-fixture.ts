import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIInteraction } from "discord.js";
import { createDiscordInteractionsListener } from "../../../src/adapters/discord/index.js";
import type { Asker } from "../../../src/service/asker.js";
import type { Insights } from "../../../src/service/insights/insights.js";
import { type RecordingAsker, recordingAsker } from "../../helpers/askers.js";
import { type MemoryLogger, memoryLogger } from "../../helpers/memory-logger.js";
import { FakeDiscord } from "./fake-discord.js";
import type { FakeInteraction } from "./interaction-record.js";
import { createDiscordSigner, type DiscordSigner } from "./signing.js";

/** An HTTP response as the test sees it. */
export interface EndpointResponse {
  status: number;
  text: string;
  json(): unknown;
}

/** The interactions endpoint on 127.0.0.1, signed requests, and the fake Discord its follow-ups go to. */
export interface EndpointFixture {
  fake: FakeDiscord;
  signer: DiscordSigner;
  asker: RecordingAsker;
  log: MemoryLogger;
  url: string;
  /** Posts a raw body with the given headers. */
  post(body: string, headers: Record<string, string>): Promise<EndpointResponse>;
  /** Posts an interaction, signed now. */
  send(payload: APIInteraction | { type: 1; id: string }): Promise<EndpointResponse>;
  /**
   * Posts a tracked interaction as Discord would and hands the HTTP response to the
   * fake as the interaction's callback (checked against Discord's limits there).
   */
  deliver(interaction: FakeInteraction): Promise<EndpointResponse>;
  stop(): Promise<void>;
}

export async function startEndpointFixture(
  asker: Asker,
  options: {
    deferAfterMs?: number;
    maxBodyBytes?: number;
    defaultPrivate?: boolean;
    insights?: Insights;
  } = {},
): Promise<EndpointFixture> {
  const fake = await FakeDiscord.start();
  const signer = createDiscordSigner();
  const switchable = recordingAsker(asker);
  const log = memoryLogger();
  const listener = createDiscordInteractionsListener({
    asker: switchable,
    logger: log.logger,
    defaultPrivate: options.defaultPrivate ?? true,
    applicationId: fake.applicationId,
    publicKey: signer.publicKeyHex,
    apiUrl: fake.apiUrl,
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.insights ? { insights: options.insights } : {}),
  });
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`;

  const post = (body: string, headers: Record<string, string>) => postTo(url, body, headers);
  const send = (payload: unknown) => {
    const body = JSON.stringify(payload);
    return post(body, signer.headers(body));
  };
  return {
    fake,
    signer,
    asker: switchable,
    log,
    url,
    post,
    send,
    deliver: async (interaction) => {
      const response = await send(interaction.payload);
      if (response.status === 200) {
        const accepted = fake.acceptCallback(interaction, response.json());
        if (accepted.status >= 400) throw new Error(`Discord would refuse: ${JSON.stringify(accepted.body)}`);
      }
      return response;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}

/** A POST with node:http, so a test controls headers and chunking exactly. */
export function postTo(
  url: string,
  body: string | Buffer | Iterable<Buffer>,
  headers: Record<string, string>,
): Promise<EndpointResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) });
      });
    });
    // The server may answer (413) and close before the whole body is sent: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    req.on("close", () => {
      if (!answered) reject(new Error("The connection closed without a response."));
    });
    if (typeof body === "string" || Buffer.isBuffer(body)) req.end(body);
    else {
      for (const chunk of body) req.write(chunk);
      req.end();
    }
  });
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { REST } from "discord.js";
import { BodyTooLargeError, readBody } from "../read-body.js";
import { handleInteraction, type InteractionHandlerOptions } from "./handle-interaction.js";
import { HttpInteractionResponder, sendJson } from "./http-responder.js";
import { readInteraction } from "./interaction-shape.js";
import { fromApiInteraction } from "./invocation.js";
import { discordPublicKey, isSignedByDiscord } from "./verify-signature.js";

/**
 * 256 KiB: far above any interaction Discord sends (a button click carries its
 * message, whose embeds are at most 6000 characters), far below what could hurt.
 */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Options of the HTTP interactions endpoint. */
export interface DiscordInteractionsOptions extends InteractionHandlerOptions {
  applicationId: string;
  /** The application's public key (64 hex characters), to verify Discord's signatures. */
  publicKey: string;
  /** Discord's REST base URL for follow-ups (default Discord's; tests and proxies set their own). */
  apiUrl?: string;
  /** Larger bodies are refused with 413 (default 256 KiB). */
  maxBodyBytes?: number;
}

/**
 * The request listener for `POST /discord/interactions` (mount it at that path):
 * verifies Discord's Ed25519 signature (401 on any failure, including a
 * timestamp more than five minutes off), answers PING with PONG, and answers
 * commands, autocomplete and buttons — within 3 seconds, deferring and then
 * editing through discord.js's REST client when an answer takes longer.
 */
export function createDiscordInteractionsListener(
  options: DiscordInteractionsOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const key = discordPublicKey(options.publicKey);
  const rest = new REST(options.apiUrl === undefined ? {} : { api: options.apiUrl });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST", "content-type": "text/plain" }).end("Method Not Allowed");
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      res
        .writeHead(tooLarge ? 413 : 400, { "content-type": "text/plain", connection: "close" })
        .end(tooLarge ? "Payload Too Large" : "Bad Request");
      return;
    }
    const headers = {
      signature: header(req, "x-signature-ed25519"),
      timestamp: header(req, "x-signature-timestamp"),
    };
    if (!isSignedByDiscord(key, headers, body)) {
      res.writeHead(401, { "content-type": "text/plain" }).end("invalid request signature");
      return;
    }
    const read = readInteraction(body);
    if (!read.ok) {
      options.logger.warn({ problem: read.problem }, "discord: signed body refused");
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(`Bad Request: ${read.problem}`);
      return;
    }
    const { interaction } = read;
    const incoming = fromApiInteraction(interaction);
    if (incoming.kind === "ping") {
      await sendJson(res, 200, { type: 1 });
      return;
    }
    const responder = new HttpInteractionResponder(res, rest, options.applicationId, interaction.token);
    await handleInteraction(incoming, responder, options);
    if (!responder.hasResponded) sendJson(res, 500, { error: "no response" });
  }

  return (req, res) => {
    serve(req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, "discord interactions endpoint failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
    });
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

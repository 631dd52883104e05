import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders, RequestListener, ServerResponse } from "node:http";
import type { Logger } from "../../logger.js";
import { BodyTooLargeError, readBody } from "../read-body.js";
import { slackPayloadProblem } from "./payload-shape.js";

/** Where Slack sends slash commands, interactivity and events in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Default cap on a request body: Slack's largest payloads (a block action carrying a full message) are far smaller. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

// Slack's rule: refuse a request whose timestamp is more than five minutes from
// now, either way. Bolt checks only the past; a far-future timestamp would let a
// captured request be replayed for as long as the attacker likes.
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Options of guardSlackRequests. */
export interface GuardOptions {
  maxBodyBytes: number;
  /** When given, the signature is checked here too, so that a signed but malformed body can be refused with 400. */
  signingSecret?: string;
  logger: Logger;
  /** Current time in milliseconds (tests). */
  now?: () => number;
}

/**
 * Wraps Bolt's request listener with the checks it lacks: the path and method, a
 * capped body (413), and signature headers present with a timestamp within five
 * minutes either way (401), all before Bolt sees the request. Bolt then verifies
 * the HMAC signature itself (401 on mismatch) from the body buffered here.
 */
export function guardSlackRequests(bolt: RequestListener, options: GuardOptions): RequestListener {
  const now = options.now ?? Date.now;
  return (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== SLACK_EVENTS_PATH) return reply(res, 404);
    if (req.method !== "POST") return reply(res, 405, { allow: "POST" });
    readBody(req, options.maxBodyBytes).then(
      (body) => {
        if (!isSslCheck(req.headers, body) && !hasFreshSignatureHeaders(req.headers, now())) {
          options.logger.warn({ path }, "slack: request without valid signature headers refused");
          return reply(res, 401);
        }
        // Bolt 4.7 reads fields of a body without checking them (see slackPayloadProblem). Only a
        // correctly signed body gets this far, so forgeries still get their 401.
        if (options.signingSecret !== undefined && !isSslCheck(req.headers, body)) {
          if (!hasValidSignature(req.headers, body, options.signingSecret)) return reply(res, 401);
          const problem = slackPayloadProblem(req.headers, body);
          if (problem !== undefined) {
            options.logger.warn({ problem }, "slack: signed body refused");
            return reply(res, 400);
          }
        }
        // Bolt reads `rawBody` instead of the (already consumed) stream when it is a Buffer.
        Object.assign(req, { rawBody: body });
        try {
          bolt(req, res);
        } catch (error) {
          options.logger.error({ err: error }, "slack: request could not be dispatched");
          if (!res.headersSent) reply(res, 500);
        }
      },
      (error: unknown) => (error instanceof BodyTooLargeError ? tooLarge(res) : reply(res, 400)),
    );
  };
}

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
function hasValidSignature(headers: IncomingHttpHeaders, body: Buffer, secret: string): boolean {
  const timestamp = String(headers["x-slack-request-timestamp"]);
  const expected = Buffer.from(
    `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`,
  );
  const given = Buffer.from(String(headers["x-slack-signature"]));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function hasFreshSignatureHeaders(headers: IncomingHttpHeaders, nowMs: number): boolean {
  const signature = headers["x-slack-signature"];
  const timestamp = headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || !signature.startsWith("v0=")) return false;
  if (typeof timestamp !== "string" || !/^\d{1,12}$/u.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= MAX_CLOCK_SKEW_SECONDS;
}

// Slack's unsigned SSL check: Bolt answers it 200 after stripping anything else from the body.
function isSslCheck(headers: IncomingHttpHeaders, body: Buffer): boolean {
  return (
    headers["content-type"] === "application/x-www-form-urlencoded" &&
    new URLSearchParams(body.toString("utf8")).get("ssl_check") === "1"
  );
}

function tooLarge(res: ServerResponse): void {
  // Closing the connection stops the rest of an oversized body from being read.
  reply(res, 413, { connection: "close" });
}

function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders, RequestListener, ServerResponse } from "node:http";
import { ErrorCode } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { MAX_CLOCK_SKEW_SECONDS } from "../deadlines.js";
import { BodyTooLargeError, readBody } from "../read-body.js";
import { slackPayloadProblem } from "./payload-shape.js";

/** Default cap on a request body: Slack's largest payloads (a block action carrying a full message) are far smaller. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Options of guardSlackRequests. */
export interface GuardOptions {
  maxBodyBytes: number;
  signingSecret: string;
  logger: Logger;
  /** Current time in milliseconds (tests). */
  now?: () => number;
}

/**
 * The one place a Slack request is checked, before Bolt sees it: the method, a
 * capped body (413), and Slack's signature: an HMAC of the body with a timestamp
 * within five minutes either way (401). Bolt's own verification is turned off
 * (`signatureVerification: false`): it checks only past timestamps, and would hang
 * on a signed body that is not an object, which is refused here with 400 (as is any
 * signed body whose shape Bolt or our listeners would trip on: see slackPayloadProblem). The path
 * is left to the web app's router and Bolt's own endpoint match.
 */
export function guardSlackRequests(bolt: RequestListener, options: GuardOptions): RequestListener {
  const now = options.now ?? Date.now;
  return (req, res) => {
    if (req.method !== "POST") return reply(res, 405, { allow: "POST" });
    readBody(req, options.maxBodyBytes).then(
      (body) => {
        let verified = body;
        // Parsed once for both checks below (a slash command is a form).
        const form = isForm(req.headers) ? new URLSearchParams(body.toString("utf8")) : undefined;
        if (form?.get("ssl_check") === "1") {
          // Unsigned by design: anything smuggled beside ssl_check=1 is dropped, as Bolt would.
          verified = Buffer.from("ssl_check=1");
        } else {
          if (!hasFreshSignatureHeaders(req.headers, now())) {
            options.logger.warn("slack: request without valid signature headers refused");
            return reply(res, 401);
          }
          if (!hasValidSignature(req.headers, body, options.signingSecret)) return reply(res, 401);
          const problem = slackPayloadProblem(req.headers, body, form);
          if (problem !== undefined) {
            options.logger.warn({ problem }, "slack: signed body refused");
            return reply(res, 400);
          }
        }
        // Bolt reads `rawBody` instead of the (already consumed) stream when it is a Buffer.
        Object.assign(req, { rawBody: verified });
        try {
          bolt(req, res);
        } catch (error) {
          // Bolt's own endpoint match is the path check: a path it does not serve is a 404.
          if (isDeferredByBolt(error)) return reply(res, 404);
          options.logger.error({ err: error }, "slack: request could not be dispatched");
          if (!res.headersSent) reply(res, 500);
        }
      },
      (error: unknown) => (error instanceof BodyTooLargeError ? tooLarge(res) : reply(res, 400)),
    );
  };
}

/** Bolt's "not mine" for a request its receiver defers to another route. */
export function isDeferredByBolt(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    error.code === ErrorCode.HTTPReceiverDeferredRequestError
  );
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

// Slack's unsigned SSL check comes as exactly this type: Bolt answers it 200 after stripping
// anything else from the body.
function isForm(headers: IncomingHttpHeaders): boolean {
  return headers["content-type"] === "application/x-www-form-urlencoded";
}

function tooLarge(res: ServerResponse): void {
  // Closing the connection stops the rest of an oversized body from being read.
  reply(res, 413, { connection: "close" });
}

function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

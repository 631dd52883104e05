import type { ServerResponse } from "node:http";
import type { BackstoryError, ErrorCode } from "../core/errors.js";
import { RateLimitedError } from "../service/rate-limited-error.js";

/** Codes of errors the HTTP layer itself reports, beside the core's. */
export type HttpErrorCode =
  | ErrorCode
  | "bad_request"
  | "not_found"
  | "method_not_allowed"
  | "payload_too_large"
  | "length_required"
  | "unavailable"
  | "unauthorized";

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: HttpErrorCode; message: string };
}

const STATUS_OF_CODE: Record<ErrorCode, number> = {
  unknown_command: 400,
  missing_option: 400,
  invalid_option: 400,
  rate_limited: 429,
  index_not_ready: 503,
  internal: 500,
};

/** Headers of every JSON and text response: a browser never sniffs them into HTML, nothing caches them. */
const PLAIN_RESPONSE_HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

/** Writes `body` as JSON (UTF-8, not sniffable, not cached). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...PLAIN_RESPONSE_HEADERS,
    ...headers,
  });
  res.end(res.req.method === "HEAD" ? undefined : text);
}

/** Writes an error as `{error: {code, message}}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: HttpErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body: ErrorBody = { error: { code, message } };
  sendJson(res, status, body, headers);
}

/** Writes a BackstoryError with the status its code means (429 with Retry-After, 503, 400…). */
export function sendBackstoryError(res: ServerResponse, error: BackstoryError): void {
  const headers: Record<string, string> = {};
  if (error instanceof RateLimitedError) headers["retry-after"] = String(error.retryAfterSeconds);
  if (error.code === "index_not_ready") headers["retry-after"] = "5";
  sendError(res, STATUS_OF_CODE[error.code], error.code, error.userMessage, headers);
}

/** Writes plain text. */
export function sendText(res: ServerResponse, status: number, text: string, contentType: string): void {
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
    ...PLAIN_RESPONSE_HEADERS,
  });
  res.end(res.req.method === "HEAD" ? undefined : text);
}

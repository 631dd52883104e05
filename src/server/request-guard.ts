import type { IncomingMessage } from "node:http";

/** Why a request body is refused: status, code and message. */
export interface BodyProblem {
  status: 411 | 413;
  code: "length_required" | "payload_too_large";
  message: string;
}

/**
 * Checks a request's declared body size against `maxBytes`. Node's parser
 * delivers no more than Content-Length, so a declared length within the cap
 * bounds what a handler can read. A platform path (`mounted`) must declare its
 * length (411 for a chunked body: Slack and Discord always declare it), and its
 * size is left to the platform's listener, which counts the bytes as it reads
 * them: one size check per request.
 */
export function bodyProblem(
  req: IncomingMessage,
  maxBytes: number,
  mounted: boolean,
): BodyProblem | undefined {
  const declared = req.headers["content-length"];
  if (declared === undefined) {
    if (mounted && req.headers["transfer-encoding"] !== undefined) {
      return { status: 411, code: "length_required", message: "Send the body with a Content-Length header." };
    }
    return undefined;
  }
  if (mounted) return undefined;
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length > maxBytes) {
    return { status: 413, code: "payload_too_large", message: `The body is larger than ${maxBytes} bytes.` };
  }
  return undefined;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/u;

/** The caller's request id (a proxy's X-Request-ID) when it is a sane token, to correlate logs. */
export function incomingRequestId(req: IncomingMessage): string | undefined {
  const header = req.headers["x-request-id"];
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID.test(value) ? value : undefined;
}

import { createHmac } from "node:crypto";
import { request } from "node:http";

/** Slack's request signature headers for a body, at a time in seconds. */
export function signatureHeaders(
  body: string,
  secret: string,
  timestampSeconds: number,
): Record<string, string> {
  const signature = createHmac("sha256", secret).update(`v0:${timestampSeconds}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(timestampSeconds), "x-slack-signature": `v0=${signature}` };
}

/** The current time in whole seconds, as Slack stamps requests. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** What the receiver answered. */
export interface PostResult {
  status: number;
  body: string;
}

/**
 * POSTs a body to a URL with node:http (which, unlike fetch, reads an early answer
 * such as a 413 while the body is still being sent).
 */
export function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    // The server may close the connection before the whole body is sent (413).
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    req.end(body);
  });
}

/** Content types Slack uses. */
export const FORM = "application/x-www-form-urlencoded";
export const JSON_TYPE = "application/json";

/** POSTs a body signed with `secret` (now, unless a timestamp is given). */
export function postSigned(
  url: string,
  body: string,
  contentType: string,
  secret: string,
  timestampSeconds = nowSeconds(),
): Promise<PostResult> {
  return post(url, body, {
    "content-type": contentType,
    ...signatureHeaders(body, secret, timestampSeconds),
  });
}

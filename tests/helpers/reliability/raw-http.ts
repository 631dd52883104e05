import { Agent, request } from "node:http";

/** A request exactly as a test wants it on the wire: any method, repeated headers, chunked bodies. */
export interface RawRequest {
  method: string;
  /** An array value sends the header once per value (a duplicated header). */
  headers: Record<string, string | string[]>;
  body: string | Buffer;
  /** Send the body in chunks without a Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

/** What came back. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

// Keep-alive: thousands of requests in a row should not each open a connection.
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/**
 * Sends a request with node:http and resolves with the response, or rejects after
 * `timeoutMs` (a hung server fails the test instead of hanging it). A server that
 * answers early (413) and closes while the body is still being sent is fine.
 */
export function sendRaw(url: string, raw: RawRequest, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, response?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else if (response) resolve(response);
    };
    const headers: Record<string, string | string[]> = { ...raw.headers };
    const body = typeof raw.body === "string" ? Buffer.from(raw.body, "utf8") : raw.body;
    if (!raw.chunked && headers["content-length"] === undefined)
      headers["content-length"] = String(body.length);
    const req = request(url, { method: raw.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", (error) => finish(error));
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish(new Error(`${raw.method} ${url}: no response within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server may answer and close before the whole body is sent: wait for that answer.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") return;
      finish(error);
    });
    req.on("close", () => {
      if (!settled) setTimeout(() => finish(new Error("the connection closed without a response")), 50);
    });
    if (!raw.chunked) {
      req.end(body);
      return;
    }
    const size = 16 * 1024;
    for (let at = 0; at < body.length; at += size) req.write(body.subarray(at, at + size));
    req.end();
  });
}

/** Closes the kept-alive connections (after a test file). */
export function closeIdleConnections(): void {
  agent.destroy();
}

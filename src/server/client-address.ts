import type { IncomingMessage } from "node:http";

/**
 * The client's address. Behind a trusted proxy, the last X-Forwarded-For entry
 * is the one the proxy itself appended; the earlier ones are the client's say-so.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const value = Array.isArray(header) ? header.at(-1) : header;
    const last = value?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "unknown";
}

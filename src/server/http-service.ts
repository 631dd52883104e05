import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A listening HTTP server that can drain on shutdown. */
export interface HttpService {
  server: Server;
  /** The port it listens on (the real one when asked for port 0). */
  port: number;
  /** A URL to reach it from this machine, e.g. `http://localhost:3000`. */
  url: string;
  /** Requests being served now. */
  readonly inFlight: number;
  /**
   * Stops accepting connections, waits up to `graceMs` for requests in
   * progress to finish, then closes every connection. Resolves with whether
   * all requests finished in time.
   */
  close(graceMs: number): Promise<{ drained: boolean }>;
}

/** Options of listenHttp. */
export interface ListenOptions {
  port: number;
  host: string;
}

/** Starts an HTTP server for `listener`; rejects if the port cannot be bound. */
export async function listenHttp(listener: RequestListener, options: ListenOptions): Promise<HttpService> {
  const server = createServer(listener);
  // A slow client holds a connection at most this long for one request.
  server.requestTimeout = 60_000;
  let inFlight = 0;
  let onIdle: (() => void) | undefined;
  server.on("request", (_req, res) => {
    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (inFlight === 0) onIdle?.();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = ["0.0.0.0", "::", ""].includes(options.host) ? "localhost" : options.host;
  const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;

  return {
    server,
    port,
    url,
    get inFlight() {
      return inFlight;
    },
    close: async (graceMs) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idle = new Promise<boolean>((resolve) => {
        if (inFlight === 0) resolve(true);
        else onIdle = () => resolve(true);
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      });
      const drained = await Promise.race([idle, timeout]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
      return { drained };
    },
  };
}

import { randomUUID } from "node:crypto";
import type { Logger } from "../logger.js";
import { type HttpService, listenHttp } from "./http-service.js";
import { matchRoute } from "./router.js";
import { healthRoutes, type Readiness } from "./routes/health.js";

/** Options of a health-only server. */
export interface HealthServerOptions {
  port: number;
  host: string;
  readiness: () => Readiness;
  metricsText: () => string;
  logger: Logger;
}

/**
 * `/healthz`, `/readyz` and `/metrics` alone, for a process that serves nothing
 * else over HTTP (the sharded worker's manager); anything else is a 404.
 */
export function createHealthServer(options: HealthServerOptions): Promise<HttpService> {
  const routes = healthRoutes(options.readiness, options.metricsText);
  return listenHttp(
    (req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const match = matchRoute(routes, req.method ?? "GET", url.pathname);
      if (match.kind !== "found") {
        res.writeHead(match.kind === "wrong_method" ? 405 : 404).end();
        return;
      }
      void Promise.resolve(
        match.route.handler({
          req,
          res,
          url,
          params: match.params,
          requestId: randomUUID(),
          logger: options.logger,
        }),
      ).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    },
    { port: options.port, host: options.host },
  );
}

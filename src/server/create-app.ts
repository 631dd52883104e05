import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { EngineSource } from "../core/engine-source.js";
import type { Asker } from "../service/asker.js";
import type { Insights } from "../service/insights/insights.js";
import type { ServiceMetrics } from "../service/metrics/service-metrics.js";
import { newRequestId, withRequestId } from "../service/request-context.js";
import { clientAddress } from "./client-address.js";
import type { PlatformRenderers } from "./platform-renderers.js";
import { bodyProblem, incomingRequestId } from "./request-guard.js";
import { parseRequestTarget } from "./request-target.js";
import { sendError } from "./respond.js";
import { matchRoute, type Route, type RouteMatch } from "./router.js";
import { askRoutes } from "./routes/ask.js";
import { commandsRoute } from "./routes/commands.js";
import { completeRoute } from "./routes/complete.js";
import { documentRoute } from "./routes/document.js";
import { healthRoutes, type Readiness } from "./routes/health.js";
import { hasStaticFile, serveStatic } from "./routes/static-files.js";
import { voteRoute } from "./routes/vote.js";

/** A platform's request listener mounted at a path (Slack events, Discord interactions). */
export interface Mount {
  /** The exact path, e.g. `/slack/events`. */
  path: string;
  listener: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  /** Methods served (default POST). */
  methods?: readonly string[];
}

/** What the HTTP app serves and with what. */
export interface AppOptions {
  engines: EngineSource;
  asker: Asker;
  metrics: ServiceMetrics;
  logger: Logger;
  readiness: () => Readiness;
  renderers: () => Promise<PlatformRenderers>;
  publicDir: string;
  maxBodyBytes: number;
  trustProxy: boolean;
  defaultPrivate: boolean;
  mounts?: readonly Mount[];
  /** Questions and votes: the playground's vote route (INSIGHTS on, database open). */
  insights?: Insights;
  /** Extra routes of the web process (the admin page). */
  routes?: readonly Route[];
}

// Probes and page assets would drown the log at info level.
const QUIET_ROUTES = new Set(["/healthz", "/readyz", "/metrics", "static"]);

/**
 * The one request listener of the web process: health, metrics, the JSON API,
 * the playground's files and the platforms' mounted listeners, each request
 * with a request id (`X-Request-ID`, echoed back) and one access log line.
 */
export function createApp(options: AppOptions): RequestListener {
  const { logger, metrics } = options;
  const clientKey = (req: IncomingMessage) => clientAddress(req, options.trustProxy);
  const mountRoutes: Route[] = (options.mounts ?? []).map((mount) => ({
    name: mount.path,
    methods: mount.methods ?? ["POST"],
    path: mount.path,
    handler: ({ req, res }) => mount.listener(req, res),
  }));
  const mountPaths = new Set(mountRoutes.map((r) => r.path));
  const routes: Route[] = [
    ...healthRoutes(options.readiness, () => metrics.registry.render()),
    ...askRoutes({
      asker: options.asker,
      clientKey,
      defaultPrivate: options.defaultPrivate,
      renderers: options.renderers,
    }),
    completeRoute(options.asker),
    documentRoute(options.engines),
    commandsRoute(),
    voteRoute(options.insights, clientKey),
    ...(options.routes ?? []),
    ...mountRoutes,
  ];

  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = incomingRequestId(req) ?? newRequestId();
    const started = performance.now();
    const url = parseRequestTarget(req.url);
    const method = req.method ?? "GET";
    const match: RouteMatch = url ? matchRoute(routes, method, url.pathname) : { kind: "none" };
    const routeName = url ? routeNameOf(match, method) : "bad_target";
    res.setHeader("x-request-id", requestId);
    res.once("close", () => {
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      metrics.httpRequests.inc({ route: routeName, status: `${Math.floor(res.statusCode / 100)}xx` });
      const line = { requestId, method, route: routeName, status: res.statusCode, latencyMs };
      if (QUIET_ROUTES.has(routeName) && res.statusCode < 400) logger.debug(line, "http");
      else logger.info(line, "http");
    });

    if (!url) {
      sendError(res, 400, "bad_request", "The request target is not a path this server can read.", {
        connection: "close",
      });
      return;
    }
    withRequestId(requestId, () => {
      const problem = bodyProblem(req, options.maxBodyBytes, mountPaths.has(url.pathname));
      if (problem) {
        sendError(res, problem.status, problem.code, problem.message, { connection: "close" });
        return;
      }
      const routeLogger = logger.child({ requestId });
      const handle = async (): Promise<void> => {
        if (match.kind === "found") {
          await match.route.handler({ req, res, url, params: match.params, requestId, logger: routeLogger });
        } else if (match.kind === "wrong_method") {
          sendError(res, 405, "method_not_allowed", `Use ${match.allowed.join(" or ")}.`, {
            allow: match.allowed.join(", "),
          });
        } else if (method === "GET" || method === "HEAD") {
          if (!(await serveStatic(options.publicDir, url.pathname, res))) notFound(res, url);
        } else if (await hasStaticFile(options.publicDir, url.pathname)) {
          sendError(res, 405, "method_not_allowed", "Use GET or HEAD.", { allow: "GET, HEAD" });
        } else {
          notFound(res, url);
        }
      };
      handle().catch((error: unknown) => {
        routeLogger.error({ err: error, route: routeName }, "request failed");
        if (!res.headersSent) sendError(res, 500, "internal", "Something went wrong while answering.");
        else res.destroy();
      });
    });
  };

  // A request listener that throws ends the process (Node emits the error as an
  // uncaught exception): whatever slips past the handlers is answered 500 here.
  return (req, res) => {
    try {
      serve(req, res);
    } catch (error) {
      logger.error({ err: error, method: req.method }, "request failed before routing");
      if (!res.headersSent) sendError(res, 500, "internal", "Something went wrong while answering.");
      else res.destroy();
    }
  };
}

function notFound(res: ServerResponse, url: URL): void {
  sendError(res, 404, "not_found", `Nothing at ${url.pathname.slice(0, 200)}. Try / or /api/ask?q=/help`);
}

/** The route a request is counted under in metrics and access logs. */
function routeNameOf(match: RouteMatch, method: string): string {
  if (match.kind === "found") return match.route.name;
  return method === "GET" ? "static" : "none";
}

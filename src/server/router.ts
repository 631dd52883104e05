import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

/** What a route handler gets. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Values of `:name` segments of the route's path, decoded. */
  params: Readonly<Record<string, string>>;
  requestId: string;
  logger: Logger;
}

/** Handles one request; errors it throws become a 500. */
export type RouteHandler = (context: RouteContext) => void | Promise<void>;

/** One route: methods, a path pattern such as `/api/document/:id`, and a name for metrics. */
export interface Route {
  name: string;
  methods: readonly string[];
  path: string;
  handler: RouteHandler;
}

/** A route matched to a request. */
export type RouteMatch =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong_method"; allowed: string[] }
  | { kind: "none" };

/** Finds the route for a method and path; HEAD is served by GET routes. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const allowed = new Set<string>();
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    const methods = route.methods.includes("GET") ? [...route.methods, "HEAD"] : route.methods;
    if (methods.includes(method)) return { kind: "found", route, params };
    for (const m of methods) allowed.add(m);
  }
  return allowed.size > 0 ? { kind: "wrong_method", allowed: [...allowed] } : { kind: "none" };
}

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(":")) {
      if (g === "") return undefined;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

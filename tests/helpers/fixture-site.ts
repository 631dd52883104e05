import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/** A route's answer: a body with its type (and headers), or a handler of its own. */
export type Route =
  | { type: string; body: string | Buffer; headers?: Record<string, string>; status?: number }
  | ((request: IncomingMessage, response: ServerResponse) => void);

/** A site on 127.0.0.1 serving routes the test writes, counting the requests each path receives. */
export interface FixtureSite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  /** Sets (or replaces) what a path serves. */
  route(path: string, route: Route): void;
  /** Requests received, by path. */
  hits(path: string): number;
  /** Every request's headers, by path, oldest first. */
  requests(path: string): IncomingMessage["headers"][];
  close(): Promise<void>;
}

const open: FixtureSite[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((site) => site.close()));
});

/** Starts a fixture site on a free port of 127.0.0.1; it is closed after the test. */
export async function fixtureSite(routes: Record<string, Route> = {}): Promise<FixtureSite> {
  const table = new Map(Object.entries(routes));
  const seen = new Map<string, IncomingMessage["headers"][]>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    seen.set(path, [...(seen.get(path) ?? []), request.headers]);
    const route = table.get(path);
    if (!route) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (typeof route === "function") return route(request, response);
    response.writeHead(route.status ?? 200, { "content-type": route.type, ...route.headers }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const site: FixtureSite = {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, route) => void table.set(path, route),
    hits: (path) => seen.get(path)?.length ?? 0,
    requests: (path) => seen.get(path) ?? [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(site);
  return site;
}

import type { IncomingMessage, ServerResponse } from "node:http";
import type { InsightsReport } from "../../../service/insights/report.js";
import { parseSince } from "../../../service/insights/since.js";
import type { Route } from "../../router.js";
import { adminAuth } from "./admin-auth.js";
import { adminPage, loginPage } from "./admin-page.js";

/** What the admin page needs. */
export interface AdminOptions {
  /** `ADMIN_TOKEN`. */
  token: string;
  /** The report since a time (epoch ms); undefined when nothing is stored (no database, INSIGHTS=off). */
  report(since: number): Promise<InsightsReport | undefined>;
  /** Whether the request came over HTTPS (the cookie is then Secure). */
  secure(req: IncomingMessage): boolean;
}

// No script at all, styles inline, nothing from elsewhere; never framed, never cached.
const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};
const MAX_LOGIN_BODY = 4096;

/**
 * `/admin` behind `ADMIN_TOKEN`: the insights as a server-rendered page (bearer token or the
 * login form's HttpOnly cookie); `POST /admin/login` and `POST /admin/logout`. Only listed when
 * the token is set: without it `/admin` is a 404 like any unknown path.
 */
export function adminRoutes(options: AdminOptions): Route[] {
  const auth = adminAuth(options.token);
  return [
    {
      name: "/admin",
      methods: ["GET"],
      path: "/admin",
      handler: async ({ req, res, url }) => {
        if (!auth.allows(req)) return sendHtml(res, 401, loginPage(false));
        const sinceText = url.searchParams.get("since") ?? "7d";
        const since = parseSince(sinceText, Date.now());
        if (since === undefined)
          return sendHtml(
            res,
            400,
            "<!doctype html><p>since takes 12h, 7d, 4w or a past date like 2026-11-01.</p>",
          );
        const report = await options.report(since);
        if (!report) {
          return sendHtml(
            res,
            503,
            "<!doctype html><p>Nothing is stored: INSIGHTS is off or the database did not open. See the logs.</p>",
          );
        }
        sendHtml(res, 200, adminPage(report, sinceText));
      },
    },
    {
      name: "/admin/login",
      methods: ["POST"],
      path: "/admin/login",
      handler: async ({ req, res }) => {
        const body = await readSmallBody(req);
        const token = body === undefined ? undefined : new URLSearchParams(body).get("token");
        if (token == null || !auth.isToken(token)) return sendHtml(res, 401, loginPage(true));
        res.writeHead(303, {
          location: "/admin",
          "set-cookie": auth.loginCookie(options.secure(req)),
          "cache-control": "no-store",
        });
        res.end();
      },
    },
    {
      name: "/admin/logout",
      methods: ["POST"],
      path: "/admin/logout",
      handler: ({ req, res }) => {
        req.resume();
        res.writeHead(303, {
          location: "/admin",
          "set-cookie": auth.logoutCookie(),
          "cache-control": "no-store",
        });
        res.end();
      },
    },
  ];
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { ...HTML_HEADERS, "content-length": Buffer.byteLength(html) });
  res.end(res.req.method === "HEAD" ? undefined : html);
}

// A login form is a few dozen bytes: anything over 4 KB is not one.
function readSmallBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_LOGIN_BODY) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_LOGIN_BODY ? Buffer.concat(chunks).toString("utf8") : undefined));
    req.on("error", () => resolve(undefined));
  });
}

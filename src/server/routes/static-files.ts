import { readFile, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Headers that keep the playground's page to its own scripts and styles. */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

/**
 * Serves a file of `root` for a URL path (`/` is `index.html`), or returns
 * false when there is none. Paths that climb out of `root` or name hidden
 * files are never served.
 */
export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<boolean> {
  const file = fileFor(root, pathname);
  if (!file) return false;
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!contentType) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = { ...PAGE_SECURITY_HEADERS, etag, "cache-control": "no-cache" };
  if (res.req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  const body = await readFile(file);
  res.writeHead(200, { ...headers, "content-type": contentType, "content-length": body.length });
  res.end(res.req.method === "HEAD" ? undefined : body);
  return true;
}

/** Whether `serveStatic` would serve a file for this path (to answer other methods 405, not 404). */
export async function hasStaticFile(root: string, pathname: string): Promise<boolean> {
  const file = fileFor(root, pathname);
  if (!file || !CONTENT_TYPES[extname(file).toLowerCase()]) return false;
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() === true;
}

function fileFor(root: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes("\0") || path.split("/").some((part) => part.startsWith("."))) return undefined;
  if (path.endsWith("/")) path += "index.html";
  const base = resolve(root);
  const file = resolve(join(base, path));
  return file.startsWith(base + sep) ? file : undefined;
}

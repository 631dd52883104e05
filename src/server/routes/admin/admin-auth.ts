import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The cookie the login form sets; scoped to `/admin`, HttpOnly, SameSite=Strict. */
export const ADMIN_COOKIE = "backstory_admin";

/**
 * Checks the admin token, in constant time, from `Authorization: Bearer …` or the login
 * cookie. The cookie holds a keyed hash of the token, never the token itself.
 */
export interface AdminAuth {
  /** Whether the request carries the token (bearer) or the login cookie. */
  allows(req: IncomingMessage): boolean;
  /** Whether a token typed into the login form is the admin token. */
  isToken(typed: string): boolean;
  /** The Set-Cookie header value after a successful login. */
  loginCookie(secure: boolean): string;
  /** The Set-Cookie header value that logs out. */
  logoutCookie(): string;
}

/** The admin auth for a token (`ADMIN_TOKEN`). */
export function adminAuth(token: string): AdminAuth {
  const session = createHmac("sha256", token).update("backstory admin session v1").digest("base64url");
  const same = (a: string, b: string) => {
    // Hashing first makes both sides the same length, so the comparison never leaks the token's length.
    const digest = (text: string) => createHmac("sha256", "compare").update(text).digest();
    return timingSafeEqual(digest(a), digest(b));
  };
  return {
    allows: (req) => {
      const bearer = /^Bearer (.+)$/u.exec(req.headers.authorization ?? "")?.[1];
      if (bearer !== undefined && same(bearer, token)) return true;
      const cookie = cookieValue(req.headers.cookie, ADMIN_COOKIE);
      return cookie !== undefined && same(cookie, session);
    },
    isToken: (typed) => same(typed, token),
    loginCookie: (secure) =>
      `${ADMIN_COOKIE}=${session}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=43200${secure ? "; Secure" : ""}`,
    logoutCookie: () => `${ADMIN_COOKIE}=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0`,
  };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

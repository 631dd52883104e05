/** The origin every parsed request URL is given: routes read only its path and query. */
const ORIGIN = "http://localhost";
const ABSOLUTE_FORM = /^https?:\/\//iu;

/**
 * Parses a request target (RFC 9112 §3.2) into a URL, or returns undefined when
 * it is none a server can answer, so the caller replies 400 instead of throwing.
 * The origin form (`/path?query`) is read as a path even when it starts with
 * `//` (WHATWG would read `//[/` as a broken host); the absolute form
 * (`http://host/path`, sent to proxies) is accepted when it parses; the
 * asterisk and authority forms (`*`, `host:443`) are refused.
 */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  if (target === undefined || target === "") return undefined;
  try {
    if (target.startsWith("/")) return new URL(`${ORIGIN}${target}`);
    if (ABSOLUTE_FORM.test(target)) return new URL(target);
  } catch {
    // Not a URL at all (a broken host, a port over 65535): refused below.
  }
  return undefined;
}

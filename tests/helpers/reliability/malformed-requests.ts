import fc from "fast-check";

/** One generated request as raw bytes, with the kind of damage it carries. */
export interface MalformedRequest {
  kind: string;
  bytes: Buffer;
}

/**
 * The request targets of the hostile probe (issue 18, row 1): each once ended the
 * process. `//[/` is read as a path (nothing there); the other two are absolute
 * URLs that do not parse.
 */
export const CRASHING_TARGETS = [
  { target: "//[/", status: 404 },
  { target: "http://[::1/api/ask", status: 400 },
  { target: "http://x:99999/", status: 400 },
] as const;

/** A generated piece (target, line, header lines) and the name of its damage. */
interface Part<T> {
  kind: string;
  value: T;
}
const part =
  (kind: string) =>
  <T>(value: T): Part<T> => ({ kind, value });

const PATHS = ["/", "/healthz", "/readyz", "/api/ask?q=/help", "/api/document/x", "/api/complete", "/nope"];
const path = fc.constantFrom(...PATHS);
const printable = fc.string({ unit: "grapheme-ascii", maxLength: 40 });
const anyText = fc.string({ unit: "binary", maxLength: 60 });
const percentJunk = fc
  .array(fc.constantFrom("%", "%E0", "%A4", "%A", "%%", "%zz", "%00", "%C0%AF", "%2F", "%5B", "["), {
    maxLength: 8,
  })
  .map((parts) => parts.join(""));

const brokenTarget: fc.Arbitrary<Part<string>> = fc.oneof(
  fc.constantFrom<string>(...CRASHING_TARGETS.map((c) => c.target)).map(part("known crash")),
  printable.map((s) => part("// then text")(`//${s}`)),
  fc
    .tuple(fc.constantFrom("http://", "https://", "HTTP://"), printable, path)
    .map(([scheme, host, p]) => part("absolute form, odd host")(`${scheme}${host}${p}`)),
  fc
    .tuple(fc.constantFrom("http://x:", "http://[::1]:", "http://"), fc.integer({ min: -1, max: 10_000_000 }))
    .map(([prefix, port]) => part("absolute form, odd port")(`${prefix}${port}/api/ask`)),
  fc.tuple(path, percentJunk).map(([p, junk]) => part("percent junk")(`${p}${junk}`)),
  fc.constantFrom("*", "x:443", "[::1]:80", "?", "#", "\\\\x").map(part("other form")),
  anyText.map((s) => part("any text")(`/${s}`)),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => part("long target")(`/${"a/[".repeat(n)}`)),
);

const method = fc.constantFrom(
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "DELETE",
  "OPTIONS",
  "PATCH",
  "CONNECT",
  "TRACE",
);
const version = fc.constantFrom("HTTP/2.0", "HTTP/9.9", "HTTP/1", "http/1.1", "", "HTTP/1.1 x");

const brokenLine: fc.Arbitrary<Part<string>> = fc.oneof(
  fc.tuple(printable, path).map(([m, p]) => part("odd method")(`${m} ${p} HTTP/1.1`)),
  fc.tuple(method, path, version).map(([m, p, v]) => part("odd version")(`${m} ${p} ${v}`.trimEnd())),
  fc.tuple(method, path).map(([m, p]) => part("extra spaces")(`${m}  ${p}  HTTP/1.1`)),
  anyText.map(part("any line")),
);

const headerName = fc.oneof(
  fc.constantFrom(
    "Host",
    "Content-Length",
    "Transfer-Encoding",
    "X-Request-ID",
    "Connection",
    "Expect",
    "Cookie",
  ),
  printable,
);
const headerValue = fc.oneof(
  printable,
  anyText,
  fc.constantFrom("-1", "1e3", "0x10", "99999999999999999999", "chunked", "chunked, gzip", "100-continue"),
  fc.integer({ min: 1000, max: 40_000 }).map((n) => "v".repeat(n)),
);
const brokenHeaders: fc.Arbitrary<Part<string[]>> = fc.oneof(
  fc
    .array(fc.tuple(headerName, headerValue), { minLength: 1, maxLength: 6 })
    .map((pairs) => part("odd headers")(pairs.map(([n, v]) => `${n}: ${v}`))),
  fc
    .constantFrom<string[]>(
      ["Content-Length: 5", "Content-Length: 6"],
      ["Content-Length: 3", "Transfer-Encoding: chunked"],
      ["Host: a", "Host: b"],
      ["X-Folded: a", " folded on"],
      ["No colon here"],
      [": no name"],
      ["Content-Length: 5\u0000"],
    )
    .map(part("classic smuggling")),
  fc
    .integer({ min: 100, max: 3000 })
    .map((n) => part("many headers")(Array.from({ length: n }, (_, i) => `X-H${i}: ${i}`))),
);

const lineEnd = fc.constantFrom("\r\n", "\n", "\r");

/**
 * Requests damaged in their target, their request line, their headers, or pure
 * noise; the well-formed parts ask the server to close after answering.
 */
export const malformedRequests: fc.Arbitrary<MalformedRequest> = fc.oneof(
  fc.tuple(method, brokenTarget).map(([m, target]) => ({
    kind: `target: ${target.kind}`,
    bytes: Buffer.from(`${m} ${target.value} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, "latin1"),
  })),
  fc.tuple(brokenLine, lineEnd).map(([line, eol]) => ({
    kind: `request line: ${line.kind}`,
    bytes: Buffer.from(`${line.value}${eol}Host: x${eol}Connection: close${eol}${eol}`, "utf8"),
  })),
  fc.tuple(method, path, brokenHeaders).map(([m, p, headers]) => ({
    kind: `headers: ${headers.kind}`,
    bytes: Buffer.from(
      `${m} ${p} HTTP/1.1\r\n${headers.value.join("\r\n")}\r\nConnection: close\r\n\r\n`,
      "utf8",
    ),
  })),
  fc
    .uint8Array({ minLength: 1, maxLength: 2000 })
    .map((noise) => ({ kind: "noise", bytes: Buffer.from(noise) })),
);

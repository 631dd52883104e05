import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { PRIVATE_RANGES, refusedRange } from "../../src/ingest/address-policy.js";
import { SkipError } from "../../src/ingest/fetch-error.js";
import { DEFAULT_FETCH_POLICY, type FetchPolicy, SafeFetcher } from "../../src/ingest/safe-fetch.js";
import { fixtureSite } from "../helpers/fixture-site.js";

const HTML = { accept: "text/html", types: ["text/html"] };

function fetcher(policy: Partial<FetchPolicy> = {}): SafeFetcher {
  return new SafeFetcher({ ...DEFAULT_FETCH_POLICY, hostGapMs: 0, allowedRanges: PRIVATE_RANGES, ...policy });
}

async function skipOf(promise: Promise<unknown>): Promise<SkipError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SkipError);
  return error as SkipError;
}

describe("refusedRange", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.0.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["::1", "loopback"],
    ["fe80::1", "linkLocal"],
    ["fd00::1", "uniqueLocal"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:127.0.0.1", "loopback"],
  ])("GIVEN %s THEN it is refused as %s", (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it("GIVEN public addresses THEN they are allowed", () => {
    expect(refusedRange("93.184.216.34")).toBeUndefined();
    expect(refusedRange("2606:2800:220:1:248:1893:25c8:1946")).toBeUndefined();
  });

  it("GIVEN the private ranges opened THEN link-local (the metadata service) stays refused", () => {
    expect(refusedRange("127.0.0.1", PRIVATE_RANGES)).toBeUndefined();
    expect(refusedRange("169.254.169.254", PRIVATE_RANGES)).toBe("linkLocal");
  });
});

describe("SafeFetcher", () => {
  it("GIVEN loopback not allowed THEN a name resolving to 127.0.0.1 is refused after DNS and the server sees nothing", async () => {
    const site = await fixtureSite({ "/a": { type: "text/html", body: "<p>hi</p>" } });
    const port = new URL(site.origin).port;
    const f = fetcher({ allowedRanges: [] });
    const error = await skipOf(f.fetch(`http://localhost:${port}/a`, HTML));
    expect(error.reason).toBe("refused-address");
    expect(error.message).toMatch(/loopback/u);
    expect((await skipOf(f.fetch(site.url("/a"), HTML))).reason).toBe("refused-address");
    expect(site.hits("/a")).toBe(0);
    await f.close();
  });

  it("GIVEN a name whose DNS answers mix a public and a private address THEN it is refused", async () => {
    const resolve = (_: string, cb: (e: Error | null, a: LookupAddress[]) => void) =>
      cb(null, [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.1", family: 4 },
      ]);
    const f = fetcher({ allowedRanges: [], resolve });
    const error = await skipOf(f.fetch("http://rebind.example/", HTML));
    expect(error.reason).toBe("refused-address");
    expect(error.message).toMatch(/10\.0\.0\.1/u);
    await f.close();
  });

  it("GIVEN a redirect chain THEN it follows it to the page, and refuses one hop too many", async () => {
    const site = await fixtureSite({
      "/r1": { status: 301, type: "text/plain", body: "", headers: { location: "/r2" } },
      "/r2": { status: 302, type: "text/plain", body: "", headers: { location: "/end" } },
      "/end": { type: "text/html; charset=utf-8", body: "<p>end</p>" },
    });
    const result = await fetcher().fetch(site.url("/r1"), HTML);
    expect(result).toMatchObject({ status: "ok", url: site.url("/end"), contentType: "text/html" });
    const short = fetcher({ maxRedirects: 1 });
    expect((await skipOf(short.fetch(site.url("/r1"), HTML))).reason).toBe("too-many-redirects");
  });

  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/admin",
    "http://[::ffff:a9fe:a9fe]/",
  ])("GIVEN a page redirecting to %s THEN the hop is refused before any connection", async (target) => {
    const site = await fixtureSite({
      "/go": { status: 302, type: "text/plain", body: "", headers: { location: target } },
    });
    // Loopback is opened for the fixture; private and link-local stay shut for this fetcher.
    const f = fetcher({ allowedRanges: ["loopback"], timeoutMs: 60_000 });
    const started = performance.now();
    const error = await skipOf(f.fetch(site.url("/go"), HTML));
    expect(error.reason).toBe("refused-address");
    // Refused on the literal before connecting: no connect attempt that would wait for a time-out.
    expect(performance.now() - started).toBeLessThan(5000);
    await f.close();
  });

  it("GIVEN a redirect to another scheme THEN it is refused", async () => {
    const site = await fixtureSite({
      "/go": { status: 302, type: "text/plain", body: "", headers: { location: "file:///etc/passwd" } },
    });
    expect((await skipOf(fetcher().fetch(site.url("/go"), HTML))).reason).toBe("bad-url");
    expect((await skipOf(fetcher().fetch("ftp://example.com/x", HTML))).reason).toBe("bad-url");
    const withPassword = await skipOf(fetcher().fetch("ftp://ana:hunter2@example.com/x", HTML));
    expect(withPassword.reason).toBe("bad-url");
    expect(withPassword.message).not.toContain("hunter2");
  });

  it("GIVEN validators THEN a conditional GET is sent and a 304 reads as not modified", async () => {
    const site = await fixtureSite({
      "/p": (request, response) => {
        if (request.headers["if-none-match"] === '"v1"') return void response.writeHead(304).end();
        response.writeHead(200, {
          "content-type": "text/html",
          etag: '"v1"',
          "last-modified": "Mon, 01 Dec 2025 10:00:00 GMT",
        });
        response.end("<p>x</p>");
      },
    });
    const f = fetcher();
    const first = await f.fetch(site.url("/p"), HTML);
    expect(first).toMatchObject({ status: "ok", validators: { etag: '"v1"' } });
    const validators = first.status === "ok" ? first.validators : {};
    expect(await f.fetch(site.url("/p"), { ...HTML, validators })).toMatchObject({ status: "not-modified" });
    expect(site.requests("/p")[1]?.["if-modified-since"]).toBe("Mon, 01 Dec 2025 10:00:00 GMT");
  });

  it("GIVEN a 10 MB page THEN it is abandoned while streaming, declared or not", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, "a");
    const site = await fixtureSite({
      "/declared": { type: "text/html", body: big },
      "/chunked": (_, response) => {
        response.writeHead(200, { "content-type": "text/html" });
        for (let i = 0; i < 10; i++) response.write(big.subarray(0, 1024 * 1024));
        response.end();
      },
    });
    const f = fetcher({ maxBytes: 1024 * 1024 });
    expect((await skipOf(f.fetch(site.url("/declared"), HTML))).reason).toBe("too-large");
    expect((await skipOf(f.fetch(site.url("/chunked"), HTML))).reason).toBe("too-large");
  });

  it("GIVEN a slow page THEN it times out", async () => {
    const site = await fixtureSite({
      "/slow": (_, response) => {
        const timer = setTimeout(
          () => response.writeHead(200, { "content-type": "text/html" }).end("late"),
          5000,
        );
        response.on("close", () => clearTimeout(timer));
      },
    });
    expect((await skipOf(fetcher({ timeoutMs: 300 }).fetch(site.url("/slow"), HTML))).reason).toBe("timeout");
  });

  it("GIVEN a type that is not taken THEN it is skipped unread; an error status is skipped too", async () => {
    const site = await fixtureSite({
      "/pdf": { type: "application/pdf", body: "%PDF-1.4" },
      "/gone": { status: 410, type: "text/html", body: "gone" },
    });
    expect((await skipOf(fetcher().fetch(site.url("/pdf"), HTML))).reason).toBe("unsupported-type");
    expect((await skipOf(fetcher().fetch(site.url("/gone"), HTML))).reason).toBe("http-error");
  });

  it("GIVEN a gap per host THEN two requests to one host start at least that far apart", async () => {
    const site = await fixtureSite({ "/a": { type: "text/html", body: "a" } });
    const f = fetcher({ hostGapMs: 300 });
    const started = performance.now();
    await f.fetch(site.url("/a"), HTML);
    await f.fetch(site.url("/a"), HTML);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

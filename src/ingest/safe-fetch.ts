import { Agent, errors, request } from "undici";
import { AddressRefusedError } from "./address-policy.js";
import { SkipError } from "./fetch-error.js";
import { HostPacer } from "./host-pacer.js";
import { type Resolver, safeConnector } from "./safe-connector.js";

/** What the fetcher may do; every limit has a default in DEFAULT_FETCH_POLICY. */
export interface FetchPolicy {
  /** Address ranges allowed besides public unicast (see PRIVATE_RANGES); empty in production. */
  allowedRanges: readonly string[];
  /** Connect, headers and whole-response time limit, per request. */
  timeoutMs: number;
  /** Largest body read; a larger one is abandoned while streaming. */
  maxBytes: number;
  maxRedirects: number;
  /** Least time between two requests to one host. */
  hostGapMs: number;
  userAgent: string;
  /** Name resolution (tests: names of their own); default the system's. */
  resolve?: Resolver;
}

/** The defaults: public addresses only, 15 s, 5 MB, 5 redirects, 1 s between requests to a host. */
export const DEFAULT_FETCH_POLICY: FetchPolicy = Object.freeze({
  allowedRanges: [],
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  hostGapMs: 1000,
  userAgent: "Backstory/0.1 (+https://github.com/; news archive ingest)",
});

/** The validators of a response, sent back as a conditional GET next time. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** A fetched body, or word that it has not changed since the validators were taken. */
export type FetchResult =
  | { status: "ok"; url: string; contentType: string; body: Buffer; validators: Validators }
  | { status: "not-modified"; url: string };

/** What one fetch asks for. */
export interface FetchRequest {
  /** The Accept header. */
  accept: string;
  /** Media types (lower case, without parameters) taken; another type is skipped unread. */
  types: readonly string[];
  /** Sent as If-None-Match / If-Modified-Since. */
  validators?: Validators | undefined;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches http(s) URLs safely and politely: only public addresses (checked on every
 * connection, after DNS, on every redirect hop), only http and https, a time limit, a
 * size cap enforced while streaming, a redirect limit, conditional GET, and a gap
 * between requests to one host. Failures are SkipErrors naming the reason.
 */
export class SafeFetcher {
  private readonly agent: Agent;
  private readonly pacer: HostPacer;

  constructor(readonly policy: FetchPolicy = DEFAULT_FETCH_POLICY) {
    this.agent = new Agent({
      connect: safeConnector(policy.allowedRanges, policy.timeoutMs, policy.resolve),
      headersTimeout: policy.timeoutMs,
      bodyTimeout: policy.timeoutMs,
      connections: 4,
    });
    this.pacer = new HostPacer(policy.hostGapMs);
  }

  /** Fetches `url`, following at most `maxRedirects` redirects, each one checked like the first. */
  async fetch(url: string, wanted: FetchRequest): Promise<FetchResult> {
    let current = checkedUrl(url);
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { accept: wanted.accept, "user-agent": this.policy.userAgent };
      if (hop === 0 && wanted.validators?.etag) headers["if-none-match"] = wanted.validators.etag;
      if (hop === 0 && wanted.validators?.lastModified)
        headers["if-modified-since"] = wanted.validators.lastModified;
      await this.pacer.wait(current.host);
      const response = await this.send(current, headers);
      const { statusCode } = response;
      if (REDIRECTS.has(statusCode)) {
        await response.body.dump().catch(() => undefined);
        const location = header(response.headers, "location");
        if (!location) throw new SkipError("http-error", `${current.href}: redirect without a location`);
        if (hop >= this.policy.maxRedirects) {
          throw new SkipError(
            "too-many-redirects",
            `${url}: more than ${this.policy.maxRedirects} redirects`,
          );
        }
        current = checkedUrl(location, current);
        continue;
      }
      if (statusCode === 304) {
        await response.body.dump().catch(() => undefined);
        return { status: "not-modified", url: current.href };
      }
      if (statusCode < 200 || statusCode > 299) {
        await response.body.dump().catch(() => undefined);
        throw new SkipError("http-error", `${current.href}: HTTP ${statusCode}`);
      }
      const contentType =
        (header(response.headers, "content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (!wanted.types.includes(contentType)) {
        abandon(response.body);
        throw new SkipError(
          "unsupported-type",
          `${current.href}: content type "${contentType || "none"}" is not taken`,
        );
      }
      const body = await this.readCapped(current.href, response);
      const validators: Validators = {};
      const etag = header(response.headers, "etag");
      const lastModified = header(response.headers, "last-modified");
      if (etag) validators.etag = etag;
      if (lastModified) validators.lastModified = lastModified;
      return { status: "ok", url: current.href, contentType, body, validators };
    }
  }

  /** Closes the connections kept alive, after the requests in flight. */
  close(): Promise<void> {
    return this.agent.close();
  }

  /** Closes every connection now, failing the requests in flight (a shutdown). */
  destroy(): Promise<void> {
    return this.agent.destroy();
  }

  private async send(
    url: URL,
    headers: Record<string, string>,
  ): Promise<Awaited<ReturnType<typeof request>>> {
    try {
      return await request(url, {
        dispatcher: this.agent,
        method: "GET",
        headers,
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
    } catch (error) {
      throw asSkip(url.href, error);
    }
  }

  private async readCapped(url: string, response: Awaited<ReturnType<typeof request>>): Promise<Buffer> {
    const max = this.policy.maxBytes;
    const declared = Number(header(response.headers, "content-length") ?? Number.NaN);
    if (declared > max) {
      abandon(response.body);
      throw new SkipError("too-large", `${url}: ${declared} bytes, more than the ${max} taken`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > max) {
          abandon(response.body);
          throw new SkipError("too-large", `${url}: more than the ${max} bytes taken`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      throw asSkip(url, error);
    }
    return Buffer.concat(chunks);
  }
}

/** A URL the fetcher may request: absolute (or relative to `base`), http or https, no credentials. */
export function checkedUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new SkipError("bad-url", `"${text.slice(0, 200)}" is not a URL`);
  }
  // Credentials first: a message naming the URL must not carry its password into a log.
  if (url.username || url.password) throw new SkipError("bad-url", "URLs with credentials are not fetched");
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SkipError(
      "bad-url",
      `${url.protocol} URLs are not fetched (only http and https): ${url.href.slice(0, 200)}`,
    );
  }
  url.hash = "";
  return url;
}

// Destroying a body makes it emit an abort error; nobody else listens, so it is swallowed here.
function abandon(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on("error", () => undefined);
  body.destroy();
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function asSkip(url: string, error: unknown): SkipError {
  if (error instanceof SkipError) return error;
  const refused = causeChain(error).find((e) => e instanceof AddressRefusedError);
  if (refused) return new SkipError("refused-address", `${url}: ${refused.message}`, { cause: error });
  const timedOut = causeChain(error).some(
    (e) =>
      e instanceof errors.HeadersTimeoutError ||
      e instanceof errors.BodyTimeoutError ||
      e instanceof errors.ConnectTimeoutError ||
      (e as Error).name === "TimeoutError",
  );
  if (timedOut) return new SkipError("timeout", `${url}: timed out`, { cause: error });
  return new SkipError("network-error", `${url}: ${(error as Error).message}`, { cause: error });
}

function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current = error;
  while (current instanceof Error && chain.length < 10) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

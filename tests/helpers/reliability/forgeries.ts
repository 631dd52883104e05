import { createHmac } from "node:crypto";
import fc from "fast-check";
import { commandInteraction } from "../../fakes/discord/payloads.js";
import type { DiscordSigner } from "../../fakes/discord/signing.js";
import { slashCommandForm } from "../../fakes/slack/payloads.js";
import { hostilePhrase } from "./hostile-text.js";
import type { RawRequest } from "./raw-http.js";

/**
 * Generated forged requests for the two HTTP endpoints. Each starts from a request
 * the platform would really send (a signed slash command), then breaks one thing an
 * attacker or a broken proxy could: the signature, the timestamp, the body, the
 * headers, the content type or the size. Each knows the status it must get.
 */
export interface Forgery {
  /** What was broken, e.g. `signature truncated`. */
  kind: string;
  request: RawRequest;
  /** The status the endpoint must answer. */
  status: number;
}

const FIVE_MINUTES = 300;
const now = () => Math.floor(Date.now() / 1000);

// Offsets that are unambiguously stale or future (well past the 300 s window, so a
// slow machine cannot turn one into a fresh request), and formats that are not numbers.
const staleOffset = fc.integer({ min: FIVE_MINUTES + 60, max: 10 * 365 * 24 * 3600 });
const badTimestamp = fc.oneof(
  fc.constantFrom("", " ", "-1", "1e9", "0x10", "NaN", "Infinity", "1.5", "99999999999999999999"),
  fc.string({ maxLength: 12 }),
);
const contentTypes = fc.constantFrom(
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json; charset=utf-7",
  "",
);
const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });

/** Options shared by both endpoints' forgeries. */
export interface ForgeryOptions {
  /** The endpoint's body cap, to build bodies just and far over it. */
  maxBodyBytes: number;
}

// ---- Discord ------------------------------------------------------------------------------------

interface SignedDiscord {
  body: string;
  timestamp: number;
  headers: Record<string, string>;
}

function discordCommand(applicationId: string): fc.Arbitrary<string> {
  return fc
    .record({
      id: fc.bigInt({ min: 10n ** 17n, max: 10n ** 18n }).map(String),
      command: fc.constantFrom("quote", "why", "search", "timeline", "who", "sources", "help"),
      text: hostilePhrase,
    })
    .map(({ id, command, text }) =>
      JSON.stringify(
        commandInteraction({ id, token: `token-${id}`, applicationId }, command, {
          speaker: text,
          topic: text,
          query: text,
          name: text,
        }),
      ),
    );
}

/** A forged POST of this kind, and the status the endpoint must answer it with (401 unless said). */
function post(kind: string, headers: Record<string, string | string[]>, body: string, status = 401): Forgery {
  return { kind, request: { method: "POST", headers, body }, status };
}

/** Forged requests for `POST /discord/interactions`. */
export function discordForgery(
  signer: DiscordSigner,
  stranger: DiscordSigner,
  applicationId: string,
  options: ForgeryOptions,
): fc.Arbitrary<Forgery> {
  const signed = (body: string, timestamp = now()): SignedDiscord => ({
    body,
    timestamp,
    headers: signer.headers(body, timestamp),
  });
  const base = discordCommand(applicationId);
  const withHeader = (s: SignedDiscord, name: string, value: string | string[] | undefined) => {
    const headers: Record<string, string | string[]> = { ...s.headers };
    if (value === undefined) delete headers[name];
    else headers[name] = value;
    return headers;
  };
  const SIG = "x-signature-ed25519";
  const TS = "x-signature-timestamp";
  return fc.oneof(
    fc.tuple(base, hex(128)).map(([b, sig]) => post("signature random", withHeader(signed(b), SIG, sig), b)),
    base.map((b) => post("signature by another key", stranger.headers(b), b)),
    fc.tuple(base, fc.integer({ min: 0, max: 127 })).map(([b, n]) => {
      const s = signed(b);
      return post("signature truncated", withHeader(s, SIG, (s.headers[SIG] ?? "").slice(0, n)), b);
    }),
    fc.tuple(base, fc.integer({ min: 0, max: 127 })).map(([b, at]) => {
      const s = signed(b);
      const sig = s.headers[SIG] ?? "";
      const flipped = ((Number.parseInt(sig[at] ?? "0", 16) ^ 1) & 15).toString(16);
      return post(
        "signature one digit changed",
        withHeader(s, SIG, `${sig.slice(0, at)}${flipped}${sig.slice(at + 1)}`),
        b,
      );
    }),
    fc.tuple(base, fc.constantFrom("sha256=", "v0=", "0x", "=")).map(([b, prefix]) => {
      const s = signed(b);
      return post("signature with a prefix", withHeader(s, SIG, `${prefix}${s.headers[SIG]}`), b);
    }),
    fc.tuple(base, hostilePhrase).map(([b, extra]) => {
      const s = signed(b);
      // Replayed with an altered body: same headers, different command text.
      const altered = b.replace(/"value":"/u, `"value":"${JSON.stringify(`${extra}!`).slice(1, -1)}`);
      return post("body altered after signing", s.headers, altered === b ? `${b} ` : altered);
    }),
    base.map((b) => post("body with trailing space after signing", signed(b).headers, `${b} `)),
    fc
      .tuple(base, fc.nat())
      .map(([b, n]) => post("body truncated after signing", signed(b).headers, b.slice(0, n % b.length))),
    fc
      .tuple(base, staleOffset)
      .map(([b, off]) => post("stale timestamp (signed)", signed(b, now() - off).headers, b)),
    fc
      .tuple(base, staleOffset)
      .map(([b, off]) => post("future timestamp (signed)", signed(b, now() + off).headers, b)),
    fc.tuple(base, fc.integer({ min: 1, max: 200 })).map(([b, off]) => {
      const s = signed(b);
      return post("timestamp changed after signing", withHeader(s, TS, String(s.timestamp - off)), b);
    }),
    fc
      .tuple(base, badTimestamp)
      .map(([b, ts]) => post("malformed timestamp", withHeader(signed(b), TS, ts), b)),
    base.map((b) => post("signature header missing", withHeader(signed(b), SIG, undefined), b)),
    base.map((b) => post("timestamp header missing", withHeader(signed(b), TS, undefined), b)),
    base.map((b) => post("both signature headers missing", { "content-type": "application/json" }, b)),
    base.map((b) => {
      const s = signed(b);
      return post(
        "signature header duplicated",
        withHeader(s, SIG, [s.headers[SIG] ?? "", s.headers[SIG] ?? ""]),
        b,
      );
    }),
    base.map((b) => {
      const s = signed(b);
      return post(
        "timestamp header duplicated",
        withHeader(s, TS, [String(s.timestamp), String(s.timestamp)]),
        b,
      );
    }),
    fc
      .tuple(base, contentTypes, hex(128))
      .map(([b, type, sig]) =>
        post(
          "wrong content type, forged signature",
          { ...withHeader(signed(b), SIG, sig), "content-type": type },
          b,
        ),
      ),
    fc.tuple(base, fc.integer({ min: 1, max: 4 * options.maxBodyBytes })).map(([b, extra]) => {
      const body = `${b.slice(0, -1)},"padding":"${"x".repeat(options.maxBodyBytes + extra)}"}`;
      return post("oversized body (declared), validly signed", signed(body).headers, body, 413);
    }),
    fc.tuple(base, fc.integer({ min: 1, max: 4 * options.maxBodyBytes })).map(([b, extra]): Forgery => {
      const body = `${b.slice(0, -1)},"padding":"${"x".repeat(options.maxBodyBytes + extra)}"}`;
      return {
        kind: "oversized body (chunked), validly signed",
        request: { method: "POST", headers: signed(body).headers, body, chunked: true },
        status: 413,
      };
    }),
    fc
      .oneof(
        fc.constantFrom("", "null", "[]", "{}", '{"type":"2","id":"1"}', '{"type":2}', "{", "\u0000"),
        fc.string({ unit: "binary", maxLength: 200 }),
      )
      .map((b) => post("malformed body, validly signed", signed(b).headers, b, 400)),
    fc.tuple(base, fc.constantFrom("GET", "PUT", "DELETE", "PATCH")).map(
      ([b, method]): Forgery => ({
        kind: "wrong method",
        request: { method, headers: signed(b).headers, body: method === "GET" ? "" : b },
        status: 405,
      }),
    ),
  );
}

// ---- Slack --------------------------------------------------------------------------------------

/** Slack's v0 signature headers for a body. */
export function slackSignature(body: string, secret: string, timestamp: number): Record<string, string> {
  const digest = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": `v0=${digest}` };
}

const FORM = "application/x-www-form-urlencoded";

function slackCommand(responseUrl: string): fc.Arbitrary<string> {
  return fc
    .record({
      command: fc.constantFrom("/quote", "/why", "/search", "/timeline", "/who", "/sources", "/backstory"),
      text: hostilePhrase,
    })
    .map(({ command, text }) => slashCommandForm({ command, text, responseUrl }));
}

/** Forged requests for `POST /slack/events`. */
export function slackForgery(
  secret: string,
  responseUrl: string,
  options: ForgeryOptions,
): fc.Arbitrary<Forgery> {
  const SIG = "x-slack-signature";
  const TS = "x-slack-request-timestamp";
  const signed = (body: string, timestamp = now(), key = secret): Record<string, string> => ({
    "content-type": FORM,
    ...slackSignature(body, key, timestamp),
  });
  const with_ = (headers: Record<string, string>, name: string, value: string | string[] | undefined) => {
    const out: Record<string, string | string[]> = { ...headers };
    if (value === undefined) delete out[name];
    else out[name] = value;
    return out;
  };
  const base = slackCommand(responseUrl);
  return fc.oneof(
    fc
      .tuple(base, hex(64))
      .map(([b, sig]) => post("signature random", with_(signed(b), SIG, `v0=${sig}`), b)),
    fc
      .tuple(base, fc.string({ minLength: 8, maxLength: 40 }))
      .map(([b, key]) => post("signature with another secret", signed(b, now(), `${key}-not-the-secret`), b)),
    fc.tuple(base, fc.integer({ min: 0, max: 66 })).map(([b, n]) => {
      const h = signed(b);
      return post("signature truncated", with_(h, SIG, (h[SIG] ?? "").slice(0, n)), b);
    }),
    fc.tuple(base, fc.constantFrom("v1=", "V0=", "", "v0:", "sha256=")).map(([b, prefix]) => {
      const h = signed(b);
      return post("signature version changed", with_(h, SIG, `${prefix}${(h[SIG] ?? "").slice(3)}`), b);
    }),
    base.map((b) => {
      const h = signed(b);
      return post("signature in upper case", with_(h, SIG, `v0=${(h[SIG] ?? "").slice(3).toUpperCase()}`), b);
    }),
    fc.tuple(base, hostilePhrase).map(([b, extra]) => {
      // Replayed with an altered body: the same headers, another question.
      const params = new URLSearchParams(b);
      params.set("text", `${params.get("text") ?? ""} ${extra} why`);
      return post("body altered after signing", signed(b), params.toString());
    }),
    base.map((b) => post("field appended after signing", signed(b), `${b}&command=%2Fhelp`)),
    fc
      .tuple(base, fc.nat())
      .map(([b, n]) => post("body truncated after signing", signed(b), b.slice(0, n % b.length))),
    fc
      .tuple(base, staleOffset)
      .map(([b, off]) => post("stale timestamp (signed)", signed(b, now() - off), b)),
    fc
      .tuple(base, staleOffset)
      .map(([b, off]) => post("future timestamp (signed)", signed(b, now() + off), b)),
    fc.tuple(base, fc.integer({ min: 1, max: 200 })).map(([b, off]) => {
      const h = signed(b);
      return post("timestamp changed after signing", with_(h, TS, String(Number(h[TS]) - off)), b);
    }),
    fc.tuple(base, badTimestamp).map(([b, ts]) => post("malformed timestamp", with_(signed(b), TS, ts), b)),
    base.map((b) => post("signature header missing", with_(signed(b), SIG, undefined), b)),
    base.map((b) => post("timestamp header missing", with_(signed(b), TS, undefined), b)),
    base.map((b) => post("both signature headers missing", { "content-type": FORM }, b)),
    base.map((b) => {
      const h = signed(b);
      return post("signature header duplicated", with_(h, SIG, [h[SIG] ?? "", h[SIG] ?? ""]), b);
    }),
    base.map((b) => {
      const h = signed(b);
      return post("timestamp header duplicated", with_(h, TS, [h[TS] ?? "", h[TS] ?? ""]), b);
    }),
    fc
      .tuple(base, contentTypes, hex(64))
      .map(([b, type, sig]) =>
        post(
          "wrong content type, forged signature",
          { ...with_(signed(b), SIG, `v0=${sig}`), "content-type": type },
          b,
        ),
      ),
    fc.tuple(base, fc.integer({ min: 1, max: 4 * options.maxBodyBytes })).map(([b, extra]) => {
      const body = `${b}&padding=${"x".repeat(options.maxBodyBytes + extra)}`;
      return post("oversized body (declared), validly signed", signed(body), body, 413);
    }),
    fc.tuple(base, fc.integer({ min: 1, max: 4 * options.maxBodyBytes })).map(([b, extra]): Forgery => {
      const body = `${b}&padding=${"x".repeat(options.maxBodyBytes + extra)}`;
      return {
        kind: "oversized body (chunked), validly signed",
        request: { method: "POST", headers: signed(body), body, chunked: true },
        status: 413,
      };
    }),
    fc
      .oneof(
        fc.constantFrom("", "{", "[", "payload=%7B", "\u0000"),
        fc.string({ unit: "binary", maxLength: 200 }),
      )
      .map((b) =>
        post("malformed body, validly signed", { ...signed(b), "content-type": "application/json" }, b, 400),
      ),
    fc
      .tuple(base, contentTypes)
      .map(([b, type]) =>
        post("wrong content type, validly signed", { ...signed(b), "content-type": type }, b, 400),
      ),
    fc.tuple(base, fc.constantFrom("GET", "PUT", "DELETE", "PATCH")).map(
      ([b, method]): Forgery => ({
        kind: "wrong method",
        request: { method, headers: signed(b), body: method === "GET" ? "" : b },
        status: 405,
      }),
    ),
  );
}

import { request } from "node:http";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import type { ErrorBody } from "../../src/server/respond.js";
import type { RenderedAnswer } from "../../src/server/routes/ask.js";
import type { DocumentView } from "../../src/server/routes/document.js";
import { getJson, serviceForSuite, startTestService } from "../helpers/start-test-service.js";

const app = serviceForSuite(() => ({
  env: { RATE_LIMIT_PER_MINUTE: "600", RATE_LIMIT_BURST: "100", MAX_BODY_BYTES: "2048" },
  captureLogs: true,
}));

const ask = (q: string) => `${app().url}/api/ask?q=${encodeURIComponent(q)}`;

/** Sends a raw request (any method, headers and body) and reads the answer. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${app().url}${path}`, { method, headers, timeout: 10_000 }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe("the JSON API with no credentials", () => {
  it("GIVEN /api/ask?q=/why visa THEN answers with the Answer JSON", async () => {
    const { status, headers, body } = await getJson<Answer>(ask("/why visa"));
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(body).toMatchObject({ command: "why", query: "visa" });
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]?.citation.docId).toMatch(/^00[04]_/u);
  });

  it("GIVEN no q, an unknown command or a missing option THEN 400 with a clear message", async () => {
    const missing = await getJson<ErrorBody>(`${app().url}/api/ask`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({
      code: "bad_request",
      message: "Add a slash command as q, for example /api/ask?q=/why%20visa",
    });
    const unknown = await getJson<ErrorBody>(ask("/frobnicate"));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("unknown_command");
    expect(unknown.body.error.message).toContain("Try /help");
    const noSpeaker = await getJson<ErrorBody>(ask("/quote"));
    expect(noSpeaker.status).toBe(400);
    expect(noSpeaker.body.error).toMatchObject({ code: "missing_option" });
    const tooLong = await getJson<ErrorBody>(ask(`/search ${"a".repeat(3000)}`));
    expect(tooLong.status).toBe(400);
  });

  it("GIVEN /api/complete THEN suggests speakers and topics; a bad source is a 400", async () => {
    const speakers = await getJson<{ suggestions: string[] }>(
      `${app().url}/api/complete?source=speakers&q=pe`,
    );
    expect(speakers.body.suggestions).toContain("Gustavo Petro");
    const topics = await getJson<{ suggestions: string[] }>(`${app().url}/api/complete?source=topics&q=vi`);
    expect(topics.body.suggestions).toContain("visa");
    const bad = await getJson<ErrorBody>(`${app().url}/api/complete?source=planets&q=x`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("source must be one of speakers, entities, topics.");
  });

  it("GIVEN /api/document/:id THEN returns the article with its numbered paragraphs; unknown → 404", async () => {
    const { status, body } = await getJson<DocumentView>(`${app().url}/api/document/004_8c4339dd0b6997c8`);
    expect(status).toBe(200);
    expect(body.title).toBe("US and Colombia clash over deportation flights");
    expect(body.paragraphs[1]).toMatchObject({ number: 2, kind: "text" });
    expect(body.paragraphs[1]?.text).toContain("handcuffs");
    expect(Object.keys(body)).not.toContain("file");
    const missing = await getJson<ErrorBody>(`${app().url}/api/document/nope`);
    expect(missing.status).toBe(404);
  });

  it("GIVEN /api/render THEN returns the answer as Discord and Slack payloads from the adapters", async () => {
    const { status, body } = await getJson<RenderedAnswer>(
      `${app().url}/api/render?q=${encodeURIComponent("/quote petro private")}`,
    );
    expect(status).toBe(200);
    expect(body.private).toBe(true);
    expect(body.answer.title).toBe("Quotes: Gustavo Petro");
    expect(body.discord).toMatchObject({ embeds: [{ title: "Quotes: Gustavo Petro" }], flags: 64 });
    expect(JSON.stringify(body.slack)).toContain('"type":"header"');
    const badPage = await getJson<ErrorBody>(`${app().url}/api/render?q=/help&page=-1`);
    expect(badPage.status).toBe(400);
  });

  it("GIVEN /api/commands THEN lists the command table with each option's completion source", async () => {
    const { body } = await getJson<{
      commands: { name: string; options: { name: string; autocomplete?: string }[] }[];
    }>(`${app().url}/api/commands`);
    const quote = body.commands.find((c) => c.name === "quote");
    expect(quote?.options).toEqual([
      expect.objectContaining({ name: "speaker", autocomplete: "speakers" }),
      expect.objectContaining({ name: "about", autocomplete: "topics" }),
    ]);
  });
});

describe("the web server", () => {
  it("GIVEN / THEN serves the playground with a strict content security policy", async () => {
    const response = await fetch(`${app().url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await response.text()).toContain("<title>Backstory playground</title>");
    const script = await fetch(`${app().url}/js/main.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });

  it("GIVEN paths that climb out of public/ or name hidden files THEN 404", async () => {
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/js/%2e%2e/%2e%2e/package.json",
      "/.env",
    ]) {
      expect((await raw("GET", path)).status, path).toBe(404);
    }
  });

  it("GIVEN the wrong method THEN 405 with Allow", async () => {
    const response = await raw("POST", "/api/ask", { "content-type": "text/plain" }, "x");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD");
  });

  it("GIVEN a body over MAX_BODY_BYTES THEN 413 before any handler reads it", async () => {
    const response = await raw("POST", "/api/ask", { "content-length": "4096" }, "x".repeat(4096));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("GIVEN a request id from a proxy THEN echoes it and logs it; otherwise makes one", async () => {
    const echoed = await fetch(ask("/help"), { headers: { "x-request-id": "proxy-abc-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("proxy-abc-123");
    const made = await fetch(ask("/help"), { headers: { "x-request-id": "<script>" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f]{16}$/u);
    await expect
      .poll(() =>
        app()
          .logs()
          .some((l) => l.msg === "answered" && l.requestId === "proxy-abc-123"),
      )
      .toBe(true);
    const access = app()
      .logs()
      .find((l) => l.msg === "http" && l.requestId === "proxy-abc-123");
    expect(access).toMatchObject({ route: "/api/ask", status: 200, method: "GET" });
  });

  it("GIVEN /healthz and /readyz THEN alive, and ready with the index loaded", async () => {
    expect((await getJson(`${app().url}/healthz`)).body).toEqual({ status: "ok" });
    const ready = await getJson<{ ready: boolean; index: { loaded: boolean; documents: number } }>(
      `${app().url}/readyz`,
    );
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ready: true, index: { loaded: true, documents: 2 } });
  });

  it("GIVEN answers served THEN /metrics counts them per command and platform, with latency and index size", async () => {
    const before = app().service.metrics.requests.get({
      command: "timeline",
      platform: "web",
      outcome: "ok",
    });
    for (let i = 0; i < 3; i++) expect((await fetch(ask("/timeline visa"))).status).toBe(200);
    const response = await fetch(`${app().url}/metrics`);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    expect(text).toContain(
      `backstory_requests_total{command="timeline",platform="web",outcome="ok"} ${before + 3}`,
    );
    expect(text).toMatch(
      /backstory_request_duration_seconds_count\{command="timeline",platform="web"\} \d+/u,
    );
    expect(text).toContain('backstory_index_size{what="documents"} 2');
    expect(text).toMatch(
      /backstory_requests_total\{command="quote",platform="web",outcome="missing_option"\} \d+/u,
    );
    expect(text).toMatch(/backstory_http_requests_total\{route="\/api\/ask",status="2xx"\} \d+/u);
    // The same question three times: asked once, then answered from the answer cache.
    expect(text).toMatch(/backstory_answer_cache_total\{result="hit"\} [2-9]\d*/u);
  });
});

describe("rate limiting over HTTP", () => {
  it("GIVEN one client asking faster than the limit THEN 429 with Retry-After and a polite message", async () => {
    const limited = await startTestService({
      corpusDir: app().corpus.corpusDir,
      snapshotDir: app().corpus.snapshotDir,
      role: "web",
      env: { RATE_LIMIT_PER_MINUTE: "2", RATE_LIMIT_BURST: "2" },
    });
    try {
      const url = `${limited.url}/api/ask?q=${encodeURIComponent("/quote petro")}`;
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(url)).status).toBe(200);
      const refused = await getJson<ErrorBody>(url);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(29);
      expect(refused.body.error.code).toBe("rate_limited");
      expect(refused.body.error.message).toMatch(
        /^You're asking faster than Backstory answers one person \(2 a minute\)\. Please try again in \d+ seconds\.$/u,
      );
      // Completion is not rate limited: it is what a person types, key by key.
      expect((await fetch(`${limited.url}/api/complete?source=speakers&q=p`)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

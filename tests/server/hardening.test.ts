import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../src/server/respond.js";
import { type DocumentView, PAGE_TEXT_CHARS } from "../../src/server/routes/document.js";
import { copySeedCorpus, type SeedCorpusCopy } from "../helpers/seed-corpus-copy.js";
import { getJson, startTestService, type TestService } from "../helpers/start-test-service.js";

let corpus: SeedCorpusCopy;
let app: TestService;

const LONG_PARAGRAPHS = 450;

beforeAll(async () => {
  corpus = await copySeedCorpus();
  const paragraphs = Array.from(
    { length: LONG_PARAGRAPHS },
    (_, i) => `Paragraph ${i + 1} of the long report.`,
  );
  writeFileSync(join(corpus.corpusDir, "long.md"), `# Long report\n\n${paragraphs.join("\n\n")}\n`);
  writeFileSync(
    join(corpus.corpusDir, "wall.md"),
    `# Wall of text\n\n${"All one paragraph. ".repeat(40_000)}\n`,
  );
  symlinkSync("/etc/passwd", join(corpus.corpusDir, "passwd.txt"));
  app = await startTestService({ corpusDir: corpus.corpusDir, snapshotDir: corpus.snapshotDir, role: "web" });
});

afterAll(async () => {
  await app?.stop();
  await corpus?.remove();
});

const send = (method: string, path: string) =>
  fetch(`${app.url}${path}`, { method, signal: AbortSignal.timeout(10_000) });

describe("GIVEN the web service", () => {
  it("WHEN POST asks for the playground's page THEN 405 with Allow: GET, HEAD; an unknown path stays 404", async () => {
    const page = await send("POST", "/");
    expect(page.status).toBe(405);
    expect(page.headers.get("allow")).toBe("GET, HEAD");
    expect(((await page.json()) as ErrorBody).error.code).toBe("method_not_allowed");
    expect((await send("PUT", "/js/main.js")).status).toBe(405);
    expect((await send("POST", "/nothing-here")).status).toBe(404);
  });

  it.each([
    "/healthz",
    "/readyz",
    "/metrics",
    "/api/ask?q=/help",
    "/api/commands",
    "/nope",
    "/api/document/nope",
  ])("WHEN %s answers THEN the response says X-Content-Type-Options: nosniff", async (path) => {
    const response = await send("GET", path);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("WHEN a corpus file links to /etc/passwd THEN /api/document never serves it", async () => {
    const response = await send("GET", "/api/document/passwd");
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("root:");
  });
});

describe("GIVEN long articles behind /api/document", () => {
  it("WHEN an article has 450 paragraphs THEN it comes in pages of 200, each saying where the next starts", async () => {
    const pages: DocumentView[] = [];
    let from: number | undefined = 1;
    while (from !== undefined) {
      const { status, body }: { status: number; body: DocumentView } = await getJson<DocumentView>(
        `${app.url}/api/document/long?from=${from}`,
      );
      expect(status).toBe(200);
      pages.push(body);
      from = body.next;
    }
    expect(pages.map((p) => p.paragraphs.length)).toEqual([200, 200, 50]);
    expect(pages.map((p) => p.paragraphs[0]?.number)).toEqual([1, 201, 401]);
    expect(pages.every((p) => p.paragraphCount === LONG_PARAGRAPHS)).toBe(true);
    expect(pages.flatMap((p) => p.paragraphs.map((q) => q.number))).toEqual(
      Array.from({ length: LONG_PARAGRAPHS }, (_, i) => i + 1),
    );
  });

  it("WHEN one paragraph is larger than a page's budget THEN it is cut to the budget and marked truncated", async () => {
    const response = await send("GET", "/api/document/wall");
    const text = await response.text();
    expect(text.length).toBeLessThan(PAGE_TEXT_CHARS + 4096);
    const body = JSON.parse(text) as DocumentView;
    expect(body.paragraphs).toHaveLength(1);
    expect(body.paragraphs[0]).toMatchObject({ number: 1, truncated: true });
    expect(body.paragraphs[0]?.text).toHaveLength(PAGE_TEXT_CHARS);
  });

  it.each(["from=0", "from=x", "limit=0", "limit=201", "from=1.5"])(
    "WHEN the page is asked with %s THEN 400 saying what is allowed",
    async (query) => {
      const { status, body } = await getJson<ErrorBody>(`${app.url}/api/document/long?${query}`);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/^from must be a paragraph number/u);
    },
  );

  it("WHEN limit asks fewer THEN the page holds that many", async () => {
    const { body } = await getJson<DocumentView>(`${app.url}/api/document/long?from=440&limit=5`);
    expect(body.paragraphs.map((p) => p.number)).toEqual([440, 441, 442, 443, 444]);
    expect(body.next).toBe(445);
  });
});

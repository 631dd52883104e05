import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/core/corpus/load-corpus.js";
import { PRIVATE_RANGES } from "../../src/ingest/address-policy.js";
import { ingest, summaryLine } from "../../src/ingest/ingest.js";
import { DEFAULT_FETCH_POLICY, SafeFetcher } from "../../src/ingest/safe-fetch.js";
import { type FixtureSite, fixtureSite } from "../helpers/fixture-site.js";
import {
  articlePage,
  atomFeed,
  jsonFeed,
  newsSitemap,
  reportParagraphs,
  rssFeed,
} from "../helpers/news-fixtures.js";
import { tempCorpus } from "../helpers/temp-corpus.js";

const HTML = "text/html; charset=utf-8";

function testFetcher(overrides: Partial<typeof DEFAULT_FETCH_POLICY> = {}): SafeFetcher {
  return new SafeFetcher({
    ...DEFAULT_FETCH_POLICY,
    allowedRanges: PRIVATE_RANGES,
    hostGapMs: 0,
    timeoutMs: 2000,
    ...overrides,
  });
}

async function documentsOf(dir: string) {
  return (await loadCorpus(dir)).documents;
}

/** Every file of a folder (dot-files included) with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return files;
}

function jsonLdPage(site: FixtureSite, path: string, headline: string): string {
  return articlePage({
    headline,
    paragraphs: reportParagraphs("new harbour bridge"),
    jsonLd: {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "Not this" },
        {
          "@type": "NewsArticle",
          headline,
          datePublished: "2025-03-04T09:30:00+01:00",
          author: [
            { "@type": "Person", name: "Ana Lima" },
            { "@type": "Person", name: "Piet de Vries" },
          ],
          publisher: { "@type": "Organization", name: "The Fixture Gazette" },
          url: site.url(path),
        },
      ],
    },
  });
}

describe("ingest: an article page", () => {
  it("GIVEN a page with JSON-LD THEN its article lands with the JSON-LD metadata, readable by the loader", async () => {
    const site = await fixtureSite();
    site.route("/news/2025/bridge-vote.html", {
      type: HTML,
      body: jsonLdPage(site, "/news/2025/bridge-vote.html", "Council backs the bridge"),
    });
    const corpus = tempCorpus({});
    const summary = await ingest(
      corpus,
      [site.url("/news/2025/bridge-vote.html?utm_source=x")],
      testFetcher(),
    );
    expect(summaryLine(summary)).toBe("1 new, 0 updated, 0 unchanged, 0 skipped");
    const [document] = await documentsOf(corpus);
    expect(document).toMatchObject({
      title: "Council backs the bridge",
      published: "2025-03-04",
      authors: ["Ana Lima", "Piet de Vries"],
      source: "The Fixture Gazette",
      url: site.url("/news/2025/bridge-vote.html"),
    });
    expect(document?.file).toMatch(/^ingested\/127\.0\.0\.1\/news-2025-bridge-vote-[0-9a-f]{8}\.md$/u);
    expect(document?.body).toContain("Marta Kowalczyk");
    expect(document?.body).not.toContain("Most read");
    expect(document?.body).not.toContain("Sport");
  });

  it("GIVEN a page with only OpenGraph THEN the OpenGraph title, date, site and URL are taken", async () => {
    const site = await fixtureSite();
    site.route("/og", {
      type: HTML,
      body: articlePage({
        headline: "Heading on the page",
        paragraphs: reportParagraphs("ferry terminal"),
        og: {
          "og:title": "Ferry terminal approved",
          "article:published_time": "2025-02-11T23:30:00-05:00",
          "og:site_name": "Open Graph Daily",
          "og:url": site.url("/og-canonical"),
          "article:author": "https://example.invalid/profile/1",
        },
      }),
    });
    const corpus = tempCorpus({});
    await ingest(corpus, [site.url("/og")], testFetcher());
    const [document] = await documentsOf(corpus);
    expect(document).toMatchObject({
      title: "Ferry terminal approved",
      published: "2025-02-11",
      source: "Open Graph Daily",
      url: site.url("/og-canonical"),
    });
    // A profile URL is not an author's name.
    expect(document?.authors).toBeUndefined();
  });

  it("GIVEN a page with neither THEN the title is the page's, the source its host, and no date is made up", async () => {
    const site = await fixtureSite();
    site.route("/plain", {
      type: HTML,
      body: articlePage({
        headline: "Plain page",
        paragraphs: reportParagraphs("library"),
        title: "Plain page",
      }),
    });
    const corpus = tempCorpus({});
    await ingest(corpus, [site.url("/plain")], testFetcher());
    const [document] = await documentsOf(corpus);
    expect(document).toMatchObject({ title: "Plain page", source: "127.0.0.1", url: site.url("/plain") });
    expect(document?.published).toBeUndefined();
  });

  it("GIVEN a canonical link to another site THEN the page's own URL is kept", async () => {
    const site = await fixtureSite();
    site.route("/claim", {
      type: HTML,
      body: articlePage({
        headline: "Claim",
        paragraphs: reportParagraphs("pier"),
        canonical: "https://bbc.co.uk/news/1",
      }),
    });
    const corpus = tempCorpus({});
    await ingest(corpus, [site.url("/claim")], testFetcher());
    expect((await documentsOf(corpus))[0]?.url).toBe(site.url("/claim"));
  });

  it("GIVEN a <time itemprop=datePublished> and no other date THEN its day is the date", async () => {
    const site = await fixtureSite();
    site.route("/t", {
      type: HTML,
      body: articlePage({ headline: "Timed", paragraphs: reportParagraphs("tram"), time: "2024-12-30" }),
    });
    const corpus = tempCorpus({});
    await ingest(corpus, [site.url("/t")], testFetcher());
    expect((await documentsOf(corpus))[0]?.published).toBe("2024-12-30");
  });
});

describe("ingest: feeds and sitemaps", () => {
  async function newsSite(format: "rss" | "atom" | "json" | "sitemap") {
    const site = await fixtureSite();
    const items = [
      {
        url: site.url("/a/first"),
        title: "First from the listing",
        published: "2025-05-01T08:00:00Z",
        author: "Lee Park",
      },
      { url: site.url("/a/second"), title: "Second from the listing", published: "2025-05-02T08:00:00Z" },
    ];
    site.route("/a/first", {
      type: HTML,
      body: articlePage({ headline: "First", paragraphs: reportParagraphs("tunnel"), title: "First" }),
    });
    site.route("/a/second", { type: HTML, body: jsonLdPage(site, "/a/second", "Second, from its JSON-LD") });
    const listings = {
      rss: { type: "application/rss+xml", body: rssFeed(items) },
      atom: { type: "application/atom+xml", body: atomFeed(items) },
      json: { type: "application/feed+json", body: jsonFeed(items) },
      sitemap: { type: "application/xml", body: newsSitemap(items) },
    };
    site.route("/listing", listings[format]);
    return site;
  }

  it.each(["rss", "atom", "json", "sitemap"] as const)(
    "GIVEN a %s listing THEN each entry's page lands, the page's metadata first and the listing's filling gaps",
    async (format) => {
      const site = await newsSite(format);
      const corpus = tempCorpus({});
      const summary = await ingest(corpus, [site.url("/listing")], testFetcher());
      expect(summary).toMatchObject({ new: 2, skipped: {} });
      const documents = await documentsOf(corpus);
      const first = documents.find((d) => d.url === site.url("/a/first"));
      const second = documents.find((d) => d.url === site.url("/a/second"));
      expect(first).toMatchObject({ title: "First", published: "2025-05-01" });
      if (format !== "sitemap") expect(first?.authors).toEqual(["Lee Park"]);
      expect(second).toMatchObject({ title: "Second, from its JSON-LD", published: "2025-03-04" });
    },
  );

  it("GIVEN the feed polled again THEN conditional GETs keep it unchanged; an edited article is updated in place", async () => {
    const site = await fixtureSite();
    let body = jsonLdPage(site, "/p", "Version one");
    site.route("/p", (request, response) => {
      const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 12)}"`;
      if (request.headers["if-none-match"] === etag) return void response.writeHead(304).end();
      response.writeHead(200, { "content-type": HTML, etag }).end(body);
    });
    site.route("/feed", {
      type: "application/rss+xml",
      body: rssFeed([{ url: site.url("/p"), title: "P", published: "2025-01-01T00:00:00Z" }]),
      headers: { "last-modified": "Wed, 01 Jan 2025 00:00:00 GMT" },
    });
    const corpus = tempCorpus({});
    expect((await ingest(corpus, [site.url("/feed")], testFetcher())).new).toBe(1);
    const [file] = (await documentsOf(corpus)).map((d) => d.file);
    const again = await ingest(corpus, [site.url("/feed")], testFetcher());
    expect(summaryLine(again)).toBe("0 new, 0 updated, 1 unchanged, 0 skipped");
    expect(site.requests("/p")[1]?.["if-none-match"]).toMatch(/^"/u);
    expect(site.requests("/feed")[1]?.["if-modified-since"]).toBe("Wed, 01 Jan 2025 00:00:00 GMT");

    body = jsonLdPage(site, "/p", "Version two");
    const edited = await ingest(corpus, [site.url("/feed")], testFetcher());
    expect(edited.updated).toBe(1);
    const documents = await documentsOf(corpus);
    expect(documents.map((d) => [d.file, d.title])).toEqual([[file, "Version two"]]);
  });

  it("GIVEN the same article under a second URL THEN its file is updated, not copied", async () => {
    const site = await fixtureSite();
    const page = articlePage({ headline: "Twice", paragraphs: reportParagraphs("dam"), title: "Twice" });
    site.route("/one", { type: HTML, body: page });
    site.route("/two", { type: HTML, body: page });
    const corpus = tempCorpus({});
    await ingest(corpus, [site.url("/one")], testFetcher());
    const second = await ingest(corpus, [site.url("/two")], testFetcher());
    expect(second.new).toBe(0);
    expect(await documentsOf(corpus)).toHaveLength(1);
  });

  it("GIVEN a feed with relative links THEN they are read against the feed's URL", async () => {
    const site = await fixtureSite();
    site.route("/news/relative", {
      type: HTML,
      body: jsonLdPage(site, "/news/relative", "Linked relatively"),
    });
    site.route("/news/feed.json", {
      type: "application/feed+json",
      body: jsonFeed([{ url: "relative", title: "R", published: "2025-04-04T00:00:00Z" }]),
    });
    const corpus = tempCorpus({});
    expect((await ingest(corpus, [site.url("/news/feed.json")], testFetcher())).new).toBe(1);
  });

  it("GIVEN a sitemap index THEN its child sitemaps are read", async () => {
    const site = await fixtureSite();
    site.route("/a", { type: HTML, body: jsonLdPage(site, "/a", "From the child sitemap") });
    site.route("/child.xml", {
      type: "text/xml",
      body: newsSitemap([{ url: site.url("/a"), title: "A", published: "2025-06-01" }]),
    });
    site.route("/index.xml", {
      type: "application/xml",
      body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site.url("/child.xml")}</loc></sitemap></sitemapindex>`,
    });
    const corpus = tempCorpus({});
    expect((await ingest(corpus, [site.url("/index.xml")], testFetcher())).new).toBe(1);
  });
});

describe("ingest: what is skipped, and the corpus kept", () => {
  it("GIVEN a feed of bad pages THEN each is skipped with its reason and every file already there is untouched", async () => {
    const site = await fixtureSite();
    const big = Buffer.alloc(10 * 1024 * 1024, "<p>a</p>");
    const bad = {
      "/big": { type: HTML, body: big },
      "/slow": (_: unknown, response: import("node:http").ServerResponse) => {
        const timer = setTimeout(() => response.writeHead(200, { "content-type": HTML }).end("late"), 5000);
        response.on("close", () => clearTimeout(timer));
      },
      "/metadata": {
        status: 302,
        type: "text/plain",
        body: "",
        headers: { location: "http://169.254.169.254/latest/meta-data/" },
      },
      "/intranet": { status: 302, type: "text/plain", body: "", headers: { location: "http://10.0.0.1/" } },
      "/pdf": { type: "application/pdf", body: "%PDF-1.4" },
      "/empty": {
        type: HTML,
        body: articlePage({ headline: "Teaser", paragraphs: ["Subscribe to read more."] }),
      },
      "/paywall": {
        type: HTML,
        body: articlePage({
          headline: "Locked",
          paragraphs: reportParagraphs("port"),
          jsonLd: { "@type": "NewsArticle", headline: "Locked", isAccessibleForFree: "False" },
        }),
      },
      "/missing": { status: 404, type: "text/plain", body: "no" },
    };
    for (const [path, route] of Object.entries(bad)) site.route(path, route as never);
    site.route("/feed", {
      type: "application/rss+xml",
      body: rssFeed(
        Object.keys(bad).map((path) => ({ url: site.url(path), title: path, published: "2025-01-01" })),
      ),
    });
    site.route("/broken-feed", { type: "application/rss+xml", body: "<rss><channel><item>" });
    const corpus = tempCorpus({
      "kept.md": "---\ntitle: Kept\n---\n\nAn article already in the corpus, which must survive.\n",
    });
    const before = snapshot(corpus);
    const fetcher = testFetcher({ allowedRanges: ["loopback"], maxBytes: 5 * 1024 * 1024, timeoutMs: 500 });
    const summary = await ingest(
      corpus,
      [site.url("/feed"), site.url("/broken-feed"), "file:///etc/passwd"],
      fetcher,
    );
    expect(summary.new + summary.updated).toBe(0);
    expect(summary.skipped).toEqual({
      "too-large": 1,
      timeout: 1,
      "refused-address": 2,
      "unsupported-type": 1,
      "empty-extraction": 1,
      paywalled: 1,
      "http-error": 1,
      "not-a-feed": 1,
      "bad-url": 1,
    });
    const after = snapshot(corpus);
    expect(after["kept.md"]).toBe(before["kept.md"]);
    expect(Object.keys(after).filter((f) => !f.startsWith("."))).toEqual(["kept.md"]);
    expect(statSync(join(corpus, "kept.md")).isFile()).toBe(true);
  });

  it("GIVEN no private addresses allowed THEN a feed on loopback is refused and the site is never asked", async () => {
    const site = await fixtureSite({ "/feed": { type: "application/rss+xml", body: rssFeed([]) } });
    const corpus = tempCorpus({});
    const summary = await ingest(
      corpus,
      [`http://localhost:${new URL(site.origin).port}/feed`],
      testFetcher({ allowedRanges: [] }),
    );
    expect(summary.skipped).toEqual({ "refused-address": 1 });
    expect(site.hits("/feed")).toBe(0);
  });
});

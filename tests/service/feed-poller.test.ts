import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { fixtureSite } from "../helpers/fixture-site.js";
import { LIGHTHOUSE_STORY, publishStory, rssFeed } from "../helpers/news-fixtures.js";
import { copySeedCorpus, type SeedCorpusCopy } from "../helpers/seed-corpus-copy.js";
import { getJson, startTestService, type TestService } from "../helpers/start-test-service.js";

let corpus: SeedCorpusCopy | undefined;
let app: TestService | undefined;

afterEach(async () => {
  await app?.stop();
  await corpus?.remove();
  app = undefined;
  corpus = undefined;
});

describe("the feed poller in the service", () => {
  it("GIVEN a feed that gains an article THEN after the poll /quote answers with it, cited with the article's URL", async () => {
    const site = await fixtureSite();
    site.route("/feed.xml", { type: "application/rss+xml", body: rssFeed([]) });
    corpus = await copySeedCorpus();
    app = await startTestService({
      corpusDir: corpus.corpusDir,
      snapshotDir: corpus.snapshotDir,
      role: "web",
      env: {
        FEEDS: `${site.url("/feed.xml")} 5m`,
        INGEST_ALLOW_PRIVATE: "true",
        INGEST_HOST_GAP_MS: "0",
        WATCH_CORPUS: "true",
        RELOAD_DEBOUNCE_MS: "50",
      },
    });
    const feeds = app.service.feeds;
    expect(feeds).toBeDefined();
    // The start polls once by itself; this one waits behind it.
    await feeds?.pollAll();
    const ask = async (q: string) =>
      (await getJson<Answer>(`${app?.url}/api/ask?q=${encodeURIComponent(q)}`)).body;
    expect((await ask("/quote solberg")).items).toHaveLength(0);

    publishStory(site, {
      path: "/news/lighthouse",
      headline: "Cape lighthouse to close for repairs",
      paragraphs: LIGHTHOUSE_STORY,
      published: "2025-07-02",
      feedTitle: "Lighthouse",
    });
    const reloaded = app.nextReload(
      (o) => o.ok && o.serving.engine.documents.some((d) => d.url === site.url("/news/lighthouse")),
    );
    const [summary] = (await feeds?.pollAll()) ?? [];
    expect(summary?.new).toBe(1);
    await reloaded;

    const answer = await ask("/quote solberg");
    expect(answer.items[0]?.text).toContain("The lamp has burned for ninety years");
    expect(answer.items[0]?.citation).toMatchObject({
      url: site.url("/news/lighthouse"),
      published: "2025-07-02",
    });

    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/backstory_ingest_articles_total\{outcome="new",reason=""\} 1/u);
    expect(metrics).toMatch(/backstory_ingest_polls_total\{result="ok"\} 3/u);
  });

  it("GIVEN feeds.yaml with a bad page THEN the skip is counted in /metrics and the corpus still serves", async () => {
    const site = await fixtureSite({ "/pdf": { type: "application/pdf", body: "%PDF" } });
    corpus = await copySeedCorpus();
    await writeFile(
      join(corpus.corpusDir, "feeds.yaml"),
      `feeds:\n  - url: ${site.url("/pdf")}\n    interval: 1h\n`,
    );
    app = await startTestService({
      corpusDir: corpus.corpusDir,
      snapshotDir: corpus.snapshotDir,
      role: "web",
      env: { INGEST_ALLOW_PRIVATE: "true", INGEST_HOST_GAP_MS: "0" },
    });
    const before = app.service.engines.serving?.engine.stats.documents;
    await app.service.feeds?.pollAll();
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(
      /backstory_ingest_articles_total\{outcome="skipped",reason="unsupported-type"\} [1-9]/u,
    );
    expect(app.service.engines.serving?.engine.stats.documents).toBe(before);
    // feeds.yaml is the poller's, not an article: the loader does not warn about it.
    expect(app.service.engines.serving?.engine.warnings.some((w) => w.file === "feeds.yaml")).toBe(false);
  });

  it("GIVEN a malformed FEEDS THEN the start stops with a message naming it", async () => {
    corpus = await copySeedCorpus();
    await expect(
      startTestService({
        corpusDir: corpus.corpusDir,
        snapshotDir: corpus.snapshotDir,
        role: "web",
        env: { FEEDS: "ftp://x/feed 15m" },
      }),
    ).rejects.toThrow(/FEEDS[\s\S]*not an http\(s\) URL/u);
  });
});

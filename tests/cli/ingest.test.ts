import { describe, expect, it } from "vitest";
import { fixtureSite } from "../helpers/fixture-site.js";
import { articlePage, atomFeed, reportParagraphs } from "../helpers/news-fixtures.js";
import { runCli, runCliAsync } from "../helpers/run-cli.js";
import { tempCorpus } from "../helpers/temp-corpus.js";

describe("backstory ingest", () => {
  it("GIVEN a feed and a bad URL THEN a line per article, a summary with the skip's reason, exit 1; the articles answer", async () => {
    const site = await fixtureSite();
    site.route("/story", {
      type: "text/html",
      body: articlePage({
        headline: "Tram line extended",
        paragraphs: reportParagraphs("tram line"),
        title: "Tram line extended",
      }),
    });
    site.route("/atom", {
      type: "application/atom+xml",
      body: atomFeed([{ url: site.url("/story"), title: "Tram", published: "2025-08-09T07:00:00Z" }]),
    });
    const corpus = tempCorpus({});
    const env = { INGEST_ALLOW_PRIVATE: "true", INGEST_HOST_GAP_MS: "0" };
    const run = await runCliAsync(
      ["ingest", site.url("/atom"), site.url("/nothing-here"), "--corpus", corpus],
      env,
    );
    expect(run.stderr).toMatch(
      /^new: Tram line extended \(2025-08-09\) → ingested\/127\.0\.0\.1\/story-[0-9a-f]{8}\.md$/mu,
    );
    expect(run.stderr).toMatch(/^skipped \(http-error\): .*\/nothing-here: HTTP 404$/mu);
    expect(run.stderr).toMatch(/: 1 new, 0 updated, 0 unchanged, 1 skipped \(1 http-error\)$/mu);
    expect(run.code).toBe(1);
    expect(runCli(["ask", "/search council", "--corpus", corpus]).stdout).toContain("Tram line extended");
  });

  it("GIVEN no URL THEN it says what to give", () => {
    const { code, stderr } = runCli(["ingest"]);
    expect(code).toBe(2);
    expect(stderr).toContain("ingest needs URLs");
  });
});

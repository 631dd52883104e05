import { describe, expect, it } from "vitest";
import {
  mergeFeeds,
  parseFeedsVariable,
  parseInterval,
  readFeedsFile,
} from "../../src/ingest/feeds-config.js";
import { tempCorpus } from "../helpers/temp-corpus.js";

const HOUR = 3_600_000;

describe("the feeds configuration", () => {
  it("GIVEN intervals THEN they read as minutes, hours, days or seconds, within 1 minute to 7 days", () => {
    expect(parseInterval("15m")).toBe(15 * 60_000);
    expect(parseInterval("2h")).toBe(2 * HOUR);
    expect(parseInterval("1d")).toBe(24 * HOUR);
    expect(parseInterval(45)).toBe(45 * 60_000);
    expect(parseInterval("10s")).toBeUndefined();
    expect(parseInterval("8d")).toBeUndefined();
    expect(parseInterval("soon")).toBeUndefined();
  });

  it("GIVEN FEEDS THEN each entry is a URL with its interval or the default, and bad entries are named", () => {
    const config = parseFeedsVariable(
      "https://a.example/rss 15m,\nhttps://b.example/sitemap.xml, ftp://c/x, https://d.example/ 3 weeks",
      HOUR,
    );
    expect(config.feeds).toEqual([
      { url: "https://a.example/rss", intervalMs: 15 * 60_000 },
      { url: "https://b.example/sitemap.xml", intervalMs: HOUR },
    ]);
    expect(config.problems).toHaveLength(2);
    expect(config.problems[0]).toContain("ftp://c/x");
  });

  it("GIVEN feeds.yaml THEN its URLs and {url, interval} entries are read, and one URL listed twice is polled once", async () => {
    const dir = tempCorpus({
      "feeds.yaml":
        "feeds:\n  - https://a.example/rss\n  - url: https://b.example/atom\n    interval: 2h\n  - url: nope\n",
    });
    const file = await readFeedsFile(dir, HOUR);
    expect(file.feeds).toEqual([
      { url: "https://a.example/rss", intervalMs: HOUR },
      { url: "https://b.example/atom", intervalMs: 2 * HOUR },
    ]);
    expect(file.problems).toEqual(['feeds.yaml feed 3: "nope" is not an http(s) URL']);
    const merged = mergeFeeds(parseFeedsVariable("https://a.example/rss 5m", HOUR), file);
    expect(merged.feeds.map((f) => f.intervalMs)).toEqual([5 * 60_000, 2 * HOUR]);
  });

  it("GIVEN a broken or missing feeds.yaml THEN it is a problem or nothing, never a throw", async () => {
    expect(await readFeedsFile(tempCorpus({ "feeds.yaml": "feeds: [\n" }), HOUR)).toMatchObject({
      feeds: [],
      problems: [expect.stringContaining("not YAML")],
    });
    expect(await readFeedsFile(tempCorpus({ "feeds.yaml": "feeds: 3\n" }), HOUR)).toMatchObject({
      feeds: [],
      problems: [expect.any(String)],
    });
    expect(await readFeedsFile(tempCorpus({}), HOUR)).toEqual({ feeds: [], problems: [] });
  });
});

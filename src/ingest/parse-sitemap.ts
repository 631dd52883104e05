import { XMLParser } from "fast-xml-parser";
import type { FeedEntry, Listing } from "./feed-entry.js";

/** URLs read of one sitemap (the protocol allows 50,000; a news sitemap holds at most 1,000). */
export const MAX_SITEMAP_URLS = 1000;

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  processEntities: true,
  isArray: (name) => name === "url" || name === "sitemap" || name === "name",
});

/**
 * Reads a sitemap (`<urlset>`, with Google News `news:` fields when present) or a
 * sitemap index (`<sitemapindex>`, whose child sitemaps are listed to read next).
 * Returns undefined when the XML is not a sitemap.
 */
export function parseSitemap(text: string): Listing | undefined {
  let root: Record<string, unknown>;
  try {
    root = parser.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const index = record(root.sitemapindex);
  if (index) {
    const listings = list(index.sitemap)
      .map((s) => text_(record(s)?.loc))
      .filter((s): s is string => s !== undefined);
    return { kind: "sitemap-index", entries: [], listings: listings.slice(0, MAX_SITEMAP_URLS) };
  }
  const urlset = record(root.urlset);
  if (!urlset) return undefined;
  const entries: FeedEntry[] = [];
  for (const item of list(urlset.url).slice(0, MAX_SITEMAP_URLS)) {
    const url = record(item);
    const loc = text_(url?.loc);
    if (!url || !loc) continue;
    const news = record(url.news);
    const entry: FeedEntry = { url: loc };
    const title = text_(news?.title);
    // lastmod is when a page last changed, not when it was published: only a news entry lacking its date falls back on it.
    const published = news ? (text_(news.publication_date) ?? text_(url.lastmod)) : undefined;
    const source = text_(list(record(news?.publication)?.name)[0]);
    if (title) entry.title = title;
    if (published) entry.published = published;
    if (source) entry.source = source;
    entries.push(entry);
  }
  return { kind: "sitemap", entries, listings: [] };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function text_(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" ? undefined : text;
}

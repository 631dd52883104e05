import { type AnyFeed, parseFeed } from "feedsmith";
import type { FeedEntry, Listing } from "./feed-entry.js";

/** Entries read of one feed, most feeds list 10–100; a runaway one is cut here. */
export const MAX_FEED_ENTRIES = 200;

type Parsed = AnyFeed<string>;
type Draft = { [K in keyof FeedEntry]?: FeedEntry[K] | undefined };

/**
 * Reads an RSS 2.0, Atom, RDF (RSS 1.0) or JSON Feed document with feedsmith into the
 * entries that link to an article. Throws (feedsmith's error) when it is none of them.
 */
export function parseFeedEntries(text: string): Listing {
  const parsed = parseFeed(text, { maxItems: MAX_FEED_ENTRIES });
  return { kind: parsed.format, entries: entriesOf(parsed).filter(hasUrl), listings: [] };
}

function entriesOf(parsed: Parsed): Draft[] {
  switch (parsed.format) {
    case "rss": {
      const source = clean(parsed.feed.title);
      return (parsed.feed.items ?? []).map((item) => ({
        url: clean(item.link) ?? permalink(item.guid),
        title: clean(item.title),
        published: clean(dateText(item.pubDate ?? item.dc?.dates?.[0])),
        authors: names([...(item.dc?.creators ?? []), ...(item.authors ?? []).map((a) => a.name)]),
        source,
      }));
    }
    case "atom": {
      const source = clean(parsed.feed.title?.value);
      return (parsed.feed.entries ?? []).map((entry) => ({
        url: clean((entry.links ?? []).find((l) => (l.rel ?? "alternate") === "alternate")?.href),
        title: clean(entry.title?.value),
        published: clean(dateText(entry.published ?? entry.updated)),
        authors: names((entry.authors ?? []).map((a) => a.name)),
        source,
      }));
    }
    case "json": {
      const source = clean(parsed.feed.title);
      return (parsed.feed.items ?? []).map((item) => ({
        url: clean(item.url ?? item.external_url),
        title: clean(item.title),
        published: clean(dateText(item.date_published)),
        authors: names((item.authors ?? []).map((a) => a.name)),
        source,
      }));
    }
    case "rdf": {
      const source = clean(parsed.feed.title);
      return (parsed.feed.items ?? []).map((item) => ({
        url: clean(item.link),
        title: clean(item.title),
        published: clean(dateText(item.dc?.dates?.[0])),
        authors: names(item.dc?.creators ?? []),
        source,
      }));
    }
  }
}

function permalink(guid: { value?: unknown; isPermaLink?: boolean } | undefined): string | undefined {
  if (!guid || guid.isPermaLink === false || typeof guid.value !== "string") return undefined;
  return /^https?:\/\//iu.test(guid.value) ? guid.value : undefined;
}

function dateText(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  return typeof value === "string" ? value : undefined;
}

function clean(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.replace(/\s+/gu, " ").trim();
  return text === "" ? undefined : text;
}

function names(values: readonly unknown[]): string[] | undefined {
  const list = [...new Set(values.map(clean).filter((v): v is string => v !== undefined))];
  return list.length > 0 ? list : undefined;
}

function hasUrl(entry: Draft): entry is FeedEntry {
  if (entry.url === undefined) return false;
  for (const key of Object.keys(entry) as (keyof FeedEntry)[])
    if (entry[key] === undefined) delete entry[key];
  return true;
}

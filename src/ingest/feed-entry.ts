/** One article a feed or a sitemap points to, with what the listing says of it. */
export interface FeedEntry {
  url: string;
  title?: string;
  /** As the listing wrote it (RFC 822, ISO 8601, W3C datetime); normalized later. */
  published?: string;
  authors?: string[];
  source?: string;
}

/** What a listing holds: articles, and (a sitemap index) further listings to read. */
export interface Listing {
  kind: "rss" | "atom" | "json" | "rdf" | "sitemap" | "sitemap-index";
  entries: FeedEntry[];
  /** Child sitemaps of a sitemap index. */
  listings: string[];
}

import { existsSync } from "node:fs";
import { join } from "node:path";
import { saveArticle } from "./article-file.js";
import { extractArticle } from "./extract-article.js";
import type { FeedEntry, Listing } from "./feed-entry.js";
import { SkipError, type SkipReason } from "./fetch-error.js";
import { type IngestState, readIngestState, storedValidators, writeIngestState } from "./ingest-state.js";
import { parseFeedEntries } from "./parse-feed.js";
import { parseSitemap } from "./parse-sitemap.js";
import type { SafeFetcher } from "./safe-fetch.js";

/** What became of one article URL. */
export interface IngestItem {
  url: string;
  outcome: "new" | "updated" | "unchanged" | "skipped";
  reason?: SkipReason;
  /** Why it was skipped, readable. */
  detail?: string;
  /** The file written, relative to the corpus. */
  file?: string;
  title?: string;
  published?: string;
  /** Paragraphs of text taken. */
  paragraphs?: number;
}

/** Counts of one ingest run. */
export interface IngestSummary {
  new: number;
  updated: number;
  unchanged: number;
  skipped: Partial<Record<SkipReason, number>>;
  items: IngestItem[];
}

/** Hooks of an ingest run: each item as it is done, and progress for a terminal. */
export interface IngestHooks {
  onItem?: (item: IngestItem) => void;
  /** Called when a listing adds work: `done` of `total` article URLs so far. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the run between two URLs (a shutdown): what was written stays, the rest waits for the next run. */
  signal?: AbortSignal;
}

const PAGE_TYPES = ["text/html", "application/xhtml+xml"];
const LISTING_TYPES = [
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/xml",
  "text/xml",
  "application/feed+json",
  "application/json",
];
const ACCEPT =
  "text/html,application/xhtml+xml;q=0.9,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.8,*/*;q=0.1";
// A sitemap index of sitemap indexes is allowed; deeper is a loop or a trap.
const MAX_LISTING_DEPTH = 2;
const MAX_CHILD_LISTINGS = 20;

/**
 * Ingests URLs into a corpus folder: each one may be an article page, a feed (RSS,
 * Atom, RDF, JSON Feed) or a sitemap (a news sitemap, a sitemap index); a listing's
 * articles are fetched in turn. Articles are extracted and written as Markdown
 * (see saveArticle). Nothing throws for a bad URL, feed or page: it is a skipped item
 * with its reason, and what the corpus holds is never removed.
 */
export async function ingest(
  corpusDir: string,
  urls: readonly string[],
  fetcher: SafeFetcher,
  hooks: IngestHooks = {},
): Promise<IngestSummary> {
  const state = await readIngestState(corpusDir);
  const summary: IngestSummary = { new: 0, updated: 0, unchanged: 0, skipped: {}, items: [] };
  const run = new Run(corpusDir, fetcher, state, summary, hooks);
  for (const url of urls) await run.url(url.trim(), 0, undefined);
  await writeIngestState(corpusDir, state);
  return summary;
}

class Run {
  private readonly seen = new Set<string>();
  private total = 0;

  constructor(
    private readonly corpusDir: string,
    private readonly fetcher: SafeFetcher,
    private readonly state: IngestState,
    private readonly summary: IngestSummary,
    private readonly hooks: IngestHooks,
  ) {}

  /** A URL given by the user or a listing: a page, or a listing whose entries follow. */
  async url(url: string, depth: number, hint: FeedEntry | undefined): Promise<void> {
    if (this.seen.has(url) || this.hooks.signal?.aborted) return;
    this.seen.add(url);
    if (depth === 0) this.progress(1);
    try {
      const types = depth === 0 || hint === undefined ? [...PAGE_TYPES, ...LISTING_TYPES] : PAGE_TYPES;
      const result = await this.fetcher.fetch(url, {
        accept: ACCEPT,
        types,
        validators: this.validators(url),
      });
      if (result.status === "not-modified") {
        // A page answers for its article; a listing not modified has no new entries to read.
        const canonical = this.state.fetched[url]?.canonical;
        if (canonical !== undefined) this.record({ url: canonical, outcome: "unchanged" });
        else if (depth === 0) this.progress(-1);
        return;
      }
      if (PAGE_TYPES.includes(result.contentType)) {
        await this.page(url, result.url, result.body.toString("utf8"), hint, result.validators);
        return;
      }
      const listing = resolvedAgainst(
        readListing(result.body.toString("utf8"), result.contentType, url),
        result.url,
      );
      this.fetchedFrom(url, result.validators);
      if (depth === 0) this.progress(-1);
      await this.listing(listing, depth);
    } catch (error) {
      if (!(error instanceof SkipError)) throw error;
      this.record({ url, outcome: "skipped", reason: error.reason, detail: error.message });
    }
  }

  private async listing(listing: Listing, depth: number): Promise<void> {
    if (listing.listings.length > 0 && depth >= MAX_LISTING_DEPTH) return;
    this.progress(listing.entries.length);
    for (const entry of listing.entries) await this.url(entry.url, depth + 1, entry);
    for (const child of listing.listings.slice(0, MAX_CHILD_LISTINGS))
      await this.url(child, depth + 1, undefined);
  }

  private async page(
    url: string,
    finalUrl: string,
    html: string,
    hint: FeedEntry | undefined,
    validators: { etag?: string; lastModified?: string },
  ): Promise<void> {
    let article: ReturnType<typeof extractArticle>;
    try {
      article = extractArticle(html, finalUrl, hint);
    } catch (error) {
      if (error instanceof SkipError) throw error;
      throw new SkipError(
        "extract-failed",
        `${finalUrl}: the page could not be read: ${(error as Error).message}`,
      );
    }
    let saved: Awaited<ReturnType<typeof saveArticle>>;
    try {
      saved = await saveArticle(this.corpusDir, this.state, article);
    } catch (error) {
      throw new SkipError("write-failed", `${article.url}: cannot write: ${(error as Error).message}`);
    }
    this.state.fetched[url] = { validators, canonical: article.url };
    this.record({
      url: article.url,
      outcome: saved.outcome,
      file: saved.file,
      title: article.title,
      paragraphs: article.paragraphs.length,
      ...(article.published && { published: article.published }),
    });
  }

  // A page's validators are sent only while its file is known: a file deleted by hand is fetched again in full.
  private validators(url: string) {
    const entry = this.state.fetched[url];
    if (!entry) return undefined;
    if (entry.canonical !== undefined) {
      const file = this.state.articles[entry.canonical]?.file;
      if (file === undefined || !existsSync(join(this.corpusDir, file))) return undefined;
    }
    return storedValidators(this.state, url);
  }

  private fetchedFrom(url: string, validators: { etag?: string; lastModified?: string }): void {
    this.state.fetched[url] = { validators };
  }

  private record(item: IngestItem): void {
    if (item.outcome === "skipped") {
      const reason = item.reason as SkipReason;
      this.summary.skipped[reason] = (this.summary.skipped[reason] ?? 0) + 1;
    } else this.summary[item.outcome]++;
    this.summary.items.push(item);
    this.hooks.onItem?.(item);
    this.hooks.onProgress?.(this.summary.items.length, Math.max(this.total, this.summary.items.length));
  }

  private progress(more: number): void {
    this.total += more;
  }
}

/** A listing of the fetched text: a sitemap, else a feed; neither is a SkipError. */
function readListing(text: string, contentType: string, url: string): Listing {
  if (!contentType.includes("json")) {
    const sitemap = parseSitemap(text);
    if (sitemap) return sitemap;
  }
  try {
    return parseFeedEntries(text);
  } catch (error) {
    throw new SkipError("not-a-feed", `${url}: not a feed or a sitemap (${(error as Error).message})`);
  }
}

/** A listing's links made absolute against the URL it was read from (a feed may write `/2025/story`). */
function resolvedAgainst(listing: Listing, base: string): Listing {
  const absolute = (link: string) => (URL.canParse(link, base) ? new URL(link, base).href : link);
  return {
    ...listing,
    entries: listing.entries.map((entry) => ({ ...entry, url: absolute(entry.url) })),
    listings: listing.listings.map(absolute),
  };
}

/** One line: new, updated, unchanged, and skipped with the reasons. */
export function summaryLine(summary: IngestSummary): string {
  const skipped = Object.entries(summary.skipped);
  const total = skipped.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  const reasons = skipped.map(([reason, n]) => `${n} ${reason}`).join(", ");
  return `${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${total} skipped${total > 0 ? ` (${reasons})` : ""}`;
}

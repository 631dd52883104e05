import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { articleBlocks } from "./article-blocks.js";
import type { ExtractedArticle } from "./extracted-article.js";
import type { FeedEntry } from "./feed-entry.js";
import { SkipError } from "./fetch-error.js";
import type { PageDocument } from "./page-document.js";
import { pageMetadata } from "./page-metadata.js";
import { publishedDay } from "./published-day.js";

/** Fewer characters of text than this is no article (a teaser, a login wall, a video page). */
export const MIN_ARTICLE_CHARS = 280;

/**
 * Reduces an article page to its text with Readability (over linkedom) and its metadata
 * from the page's markup, falling back on what the feed said of it. Throws a SkipError
 * for a page marked paywalled or one with too little text.
 */
export function extractArticle(
  html: string,
  pageUrl: string,
  hint: Partial<FeedEntry> = {},
): ExtractedArticle {
  const window = parseHTML(html) as unknown as { document: PageDocument };
  // Metadata first: Readability takes the document apart as it reads it.
  const meta = pageMetadata(window.document, pageUrl);
  if (meta.paywalled) throw new SkipError("paywalled", `${pageUrl}: the page marks its text as not free`);
  const readable = new Readability(window.document as never, { charThreshold: MIN_ARTICLE_CHARS }).parse();
  const paragraphs = readable?.content ? articleBlocks(readable.content) : [];
  const chars = paragraphs.reduce((sum, p) => sum + p.length, 0);
  if (chars < MIN_ARTICLE_CHARS) {
    throw new SkipError(
      "empty-extraction",
      `${pageUrl}: ${chars} characters of article text, too few to be an article`,
    );
  }
  const url = sameSite(meta.canonical, pageUrl) ?? pageUrl;
  const source = meta.source ?? clean(readable?.siteName) ?? hint.source ?? hostOf(url);
  const title = meta.title ?? clean(readable?.title) ?? hint.title ?? url;
  const published = publishedDay(meta.published) ?? publishedDay(hint.published);
  const authors = meta.authors ?? byline(readable?.byline) ?? hint.authors;
  if (paragraphs[0] === `## ${title}`) paragraphs.shift();
  return {
    title,
    source,
    url,
    paragraphs,
    ...(published && { published }),
    ...(authors && authors.length > 0 && { authors }),
  };
}

/**
 * The canonical URL when it stays on the page's site (same host, or one a subdomain of
 * the other): a page may not name another site's address as its own.
 */
function sameSite(canonical: string | undefined, pageUrl: string): string | undefined {
  if (!canonical) return undefined;
  const a = new URL(canonical).hostname;
  const b = new URL(pageUrl).hostname;
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`) ? canonical : undefined;
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./u, "");
}

function byline(text: string | null | undefined): string[] | undefined {
  const name = clean(text?.replace(/^by\s+/iu, ""));
  return name && name.length <= 100 ? [name] : undefined;
}

function clean(text: string | null | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/gu, " ").trim();
  return cleaned ? cleaned : undefined;
}

import type { PageDocument } from "./page-document.js";

/** What a page says of itself in its markup, each field from the first place that has it. */
export interface PageMetadata {
  title?: string;
  /** As written (ISO 8601 mostly); see publishedDay. */
  published?: string;
  authors?: string[];
  source?: string;
  /** The page's own URL for itself (canonical link, og:url, JSON-LD url), absolute. */
  canonical?: string;
  /** JSON-LD `isAccessibleForFree: false`: the page marks its text as behind a paywall. */
  paywalled?: boolean;
}

// schema.org types of an article page (NewsArticle and its kin).
const ARTICLE_TYPE = /^(?:\w+)?(?:Article|BlogPosting|Report)$/u;

/**
 * Reads a page's metadata: JSON-LD (a NewsArticle or other Article) first, then
 * OpenGraph / article: meta tags, then `<time>`, then `<link rel=canonical>`.
 * Relative URLs are resolved against `pageUrl`.
 */
export function pageMetadata(document: PageDocument, pageUrl: string): PageMetadata {
  const ld = jsonLdArticle(document);
  const meta = (key: string) => metaContent(document, key);
  const result: PageMetadata = {};
  const title = first(text(ld?.headline), text(ld?.name), meta("og:title"), meta("twitter:title"));
  const published = first(
    text(ld?.datePublished),
    meta("article:published_time"),
    meta("og:published_time"),
    timeAttribute(document),
    text(ld?.dateCreated),
  );
  const authors = first(
    names(ld?.author),
    names(metaContents(document, "article:author")),
    names(meta("author")),
  );
  const source = first(name(ld?.publisher), meta("og:site_name"), meta("application-name"));
  const canonical = first(
    absolute(document.querySelector('link[rel~="canonical"]')?.getAttribute("href"), pageUrl),
    absolute(meta("og:url"), pageUrl),
    absolute(text(ld?.url), pageUrl),
  );
  if (title) result.title = title;
  if (published) result.published = published;
  if (authors && authors.length > 0) result.authors = authors;
  if (source) result.source = source;
  if (canonical) result.canonical = canonical;
  const free = ld?.isAccessibleForFree;
  if (free === false || (typeof free === "string" && free.trim().toLowerCase() === "false"))
    result.paywalled = true;
  return result;
}

type Json = Record<string, unknown>;

/** The first Article-typed object of the page's JSON-LD blocks (in `@graph`s and arrays too). */
function jsonLdArticle(document: PageDocument): Json | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const found = objects(data, 0).find((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
    if (found) return found;
  }
  return undefined;
}

function objects(value: unknown, depth: number): Json[] {
  if (depth > 4) return [];
  if (Array.isArray(value)) return value.flatMap((v) => objects(v, depth + 1));
  if (typeof value !== "object" || value === null) return [];
  const object = value as Json;
  return [object, ...objects(object["@graph"], depth + 1)];
}

function types(object: Json): string[] {
  const type = object["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

function metaContent(document: PageDocument, key: string): string | undefined {
  return metaContents(document, key)[0];
}

function metaContents(document: PageDocument, key: string): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll("meta")) {
    const name = element.getAttribute("property") ?? element.getAttribute("name");
    if (name?.toLowerCase() !== key) continue;
    const content = text(element.getAttribute("content"));
    if (content) found.push(content);
  }
  return found;
}

// A `<time>` that says it is the publication date; any other (a clock in the header, an event's date) is not taken.
function timeAttribute(document: PageDocument): string | undefined {
  const time =
    document.querySelector('time[itemprop="datePublished"]') ??
    document.querySelector("time[pubdate]") ??
    document.querySelector("article header time[datetime]");
  return text(time?.getAttribute("datetime") ?? time?.getAttribute("content") ?? undefined);
}

function names(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === "string" ? text(v) : name(v)))
    // article:author often holds a profile URL, which is no name.
    .filter((v): v is string => v !== undefined && !/^https?:\/\//iu.test(v));
  return list.length > 0 ? [...new Set(list)] : undefined;
}

function name(value: unknown): string | undefined {
  if (typeof value === "string") return text(value);
  if (typeof value !== "object" || value === null) return undefined;
  return text((value as Json).name);
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const cleaned = value.replace(/\s+/gu, " ").trim();
  return cleaned === "" ? undefined : cleaned;
}

function absolute(value: string | null | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    url.hash = "";
    return url.href;
  } catch {
    return undefined;
  }
}

function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

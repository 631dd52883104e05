import type { FixtureSite } from "./fixture-site.js";

/** Builders of the pages and listings a news site serves, for ingest tests on a fixture site. */

/** Enough paragraphs of plain reporting to count as an article. */
export function reportParagraphs(subject: string): string[] {
  return [
    `Officials in the harbour town confirmed on Tuesday that work on the ${subject} would begin next month, after two years of planning and public consultation.`,
    `"We have listened to every resident who wrote to us," said Marta Kowalczyk, the council's head of planning, at a briefing attended by local reporters.`,
    `The project is expected to cost about 40 million euros and to take three years. Critics argue the money would be better spent on schools and the ageing water network.`,
    `A final vote by the full council is scheduled for the spring, when the budget for the coming year is also set.`,
  ];
}

/** What an article page carries besides its text. */
export interface PageOptions {
  headline: string;
  paragraphs: readonly string[];
  jsonLd?: Record<string, unknown>;
  og?: Record<string, string>;
  /** A `<time itemprop=datePublished>` in the article's header. */
  time?: string;
  canonical?: string;
  /** The `<title>` (default: the headline and a site suffix). */
  title?: string;
}

/** An article page with navigation and a footer around the article, as a news site serves it. */
export function articlePage(options: PageOptions): string {
  const head = [
    `<title>${options.title ?? `${options.headline} | The Fixture Gazette`}</title>`,
    options.canonical ? `<link rel="canonical" href="${options.canonical}">` : "",
    ...Object.entries(options.og ?? {}).map(([k, v]) => `<meta property="${k}" content="${v}">`),
    options.jsonLd ? `<script type="application/ld+json">${JSON.stringify(options.jsonLd)}</script>` : "",
  ].join("\n");
  const time = options.time ? `<time itemprop="datePublished" datetime="${options.time}">then</time>` : "";
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><header><h1>${options.headline}</h1>${time}</header>
${options.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer><p>© The Fixture Gazette</p></footer></body></html>`;
}

/** An item of a feed. */
export interface FeedItem {
  url: string;
  title: string;
  published: string;
  author?: string;
}

/** An RSS 2.0 feed. */
export function rssFeed(items: FeedItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Fixture Gazette</title><link>http://example.invalid/</link><description>News</description>
${items
  .map(
    (i) =>
      `<item><title>${i.title}</title><link>${i.url}</link><pubDate>${new Date(i.published).toUTCString()}</pubDate>${i.author ? `<dc:creator>${i.author}</dc:creator>` : ""}</item>`,
  )
  .join("\n")}
</channel></rss>`;
}

/** An Atom feed. */
export function atomFeed(items: FeedItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture Atom</title><id>urn:fixture</id><updated>2025-01-01T00:00:00Z</updated>
${items
  .map(
    (i) =>
      `<entry><title>${i.title}</title><id>${i.url}</id><link rel="alternate" href="${i.url}"/><published>${i.published}</published><updated>${i.published}</updated>${i.author ? `<author><name>${i.author}</name></author>` : ""}</entry>`,
  )
  .join("\n")}
</feed>`;
}

/** A JSON Feed 1.1. */
export function jsonFeed(items: FeedItem[]): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Fixture JSON",
    items: items.map((i) => ({
      id: i.url,
      url: i.url,
      title: i.title,
      date_published: i.published,
      ...(i.author && { authors: [{ name: i.author }] }),
    })),
  });
}

/** A Google News sitemap. */
export function newsSitemap(items: FeedItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${items
  .map(
    (i) =>
      `<url><loc>${i.url}</loc><news:news><news:publication><news:name>Sitemap Times</news:name><news:language>en</news:language></news:publication><news:publication_date>${i.published}</news:publication_date><news:title>${i.title}</news:title></news:news></url>`,
  )
  .join("\n")}
</urlset>`;
}

/** A story to publish on a fixture site: its path, headline, text and day of publication. */
/** A story whose second paragraph quotes a named person (Ingrid Solberg): for "after the poll, /quote finds it". */
export const LIGHTHOUSE_STORY: readonly string[] = [
  "The lighthouse on the northern cape will close for repairs next month, the coastal authority said on Wednesday.",
  '"The lamp has burned for ninety years, and it deserves a careful restoration," said Ingrid Solberg, the authority\'s chief engineer.',
  "Ships will be guided by a temporary beacon installed on the breakwater while the work lasts, which is expected to take most of the summer season.",
];

export interface PublishedStory {
  path: string;
  headline: string;
  paragraphs: readonly string[];
  /** `YYYY-MM-DD`, in the page's JSON-LD and (at 10:00 UTC) in the feed. */
  published: string;
  /** The feed item's title (default: the headline). */
  feedTitle?: string;
}

/**
 * Publishes a story as a news site would: its page (with NewsArticle JSON-LD) at `path`, and an RSS
 * feed at `/feed.xml` listing it alone, replacing what either path served before.
 */
export function publishStory(site: FixtureSite, story: PublishedStory): void {
  site.route(story.path, {
    type: "text/html; charset=utf-8",
    body: articlePage({
      headline: story.headline,
      paragraphs: story.paragraphs,
      jsonLd: { "@type": "NewsArticle", headline: story.headline, datePublished: story.published },
    }),
  });
  site.route("/feed.xml", {
    type: "application/rss+xml",
    body: rssFeed([
      {
        url: site.url(story.path),
        title: story.feedTitle ?? story.headline,
        published: `${story.published}T10:00:00Z`,
      },
    ]),
  });
}

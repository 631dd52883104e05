import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import type { ExtractedArticle } from "./extracted-article.js";
import { type IngestState, writeAtomically } from "./ingest-state.js";

/** The corpus subfolder ingested articles are written to. */
export const INGESTED_FOLDER = "ingested";

/** What saving an article did. */
export type SaveOutcome = "new" | "updated" | "unchanged";

/**
 * The file of an article, relative to the corpus, made from its canonical URL:
 * `ingested/<host>/<path-slug>-<8 hex of the URL's hash>.md`. The hash keeps two URLs
 * with one slug apart and makes the file's name (its id in the corpus) unique.
 */
export function articleFileName(canonicalUrl: string): string {
  const url = new URL(canonicalUrl);
  const host =
    url.hostname
      .toLowerCase()
      .replace(/^www\./u, "")
      .replace(/[^a-z0-9.-]/gu, "-") || "site";
  const slug =
    decodeSafely(url.pathname)
      .toLowerCase()
      .replace(/\.(s?html?|php|aspx?)$/u, "")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/gu, "")
      .slice(-60)
      .replace(/^-+/u, "") || "index";
  const hash = createHash("sha256").update(canonicalUrl).digest("hex").slice(0, 8);
  return join(INGESTED_FOLDER, host, `${slug}-${hash}.md`);
}

/** The hash of an article's text: the same text under two URLs is one article. */
export function contentHash(article: ExtractedArticle): string {
  return createHash("sha256").update(article.paragraphs.join("\n")).digest("hex");
}

/** The Markdown file of an article: YAML front matter (the fields the loader reads), then the text. */
export function articleMarkdown(article: ExtractedArticle): string {
  const front = {
    title: article.title,
    ...(article.published && { published: article.published }),
    url: article.url,
    source: article.source,
    ...(article.authors && { authors: article.authors }),
  };
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${article.paragraphs.join("\n\n")}\n`;
}

/**
 * Writes an article into the corpus, atomically. The same article again (its canonical
 * URL, or the same text under another URL) updates its file in place; identical bytes
 * are not rewritten (no reload for nothing). Records the article in `state`.
 */
export async function saveArticle(
  corpusDir: string,
  state: IngestState,
  article: ExtractedArticle,
): Promise<{ outcome: SaveOutcome; file: string }> {
  const hash = contentHash(article);
  const known =
    state.articles[article.url]?.file ?? Object.values(state.articles).find((a) => a.hash === hash)?.file;
  // The state file sits in a folder others write to: a name it gives is used only inside ingested/.
  const file = known && isIngestedName(known) ? known : articleFileName(article.url);
  const path = join(corpusDir, file);
  const text = articleMarkdown(article);
  const before = await readFile(path, "utf8").catch(() => undefined);
  state.articles[article.url] = { file, hash };
  if (before === text) return { outcome: "unchanged", file };
  await mkdir(dirname(path), { recursive: true });
  await writeAtomically(path, text);
  return { outcome: before === undefined ? "new" : "updated", file };
}

function isIngestedName(file: string): boolean {
  const parts = file.split("/");
  return (
    parts[0] === INGESTED_FOLDER &&
    parts.every((p) => p !== "" && p !== "." && p !== "..") &&
    file.endsWith(".md")
  );
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

import { readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join, relative } from "node:path";
import type { NewsDocument } from "../model.js";
import { corpusRoot, outsideCorpus } from "./inside-corpus.js";
import { FEEDS_FILE, MANIFEST_FILE, readManifest } from "./manifest.js";
import { applyMetadata } from "./metadata.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "./parse-limits.js";
import { parseMarkdown } from "./parse-markdown.js";
import { parsePlainText } from "./parse-plain-text.js";
import { parseJsonDocument, parseJsonLines } from "./parse-records.js";
import type { ParseResult } from "./parsed-article.js";
import { readTextFile } from "./read-file.js";

/** Something skipped or mended while loading, always naming the file. */
export interface CorpusWarning {
  file: string;
  reason: string;
}

/** Progress while loading, for a progress line on a terminal. */
export interface LoadProgress {
  filesDone: number;
  filesTotal: number;
  documents: number;
}

/** Options of loadCorpus; the limits have safe defaults. */
export interface LoadOptions {
  /** Largest article: a .md or .txt file, or one record's text in a collection; larger ones are skipped. Default 5 MB. */
  maxArticleBytes?: number;
  /** Largest collection (.json, .jsonl) read; each record is still one article. Default 512 MB. */
  maxCollectionBytes?: number;
  /** Paragraphs kept of one article; the rest are dropped with a warning. Default 20,000. */
  maxParagraphs?: number;
  onProgress?: (progress: LoadProgress) => void;
}

/** The documents of a corpus folder and what was skipped. */
export interface LoadedCorpus {
  documents: NewsDocument[];
  warnings: CorpusWarning[];
}

const PARSERS: Record<string, (text: string, limits: ParseLimits) => ParseResult> = {
  ".md": parseMarkdown,
  ".markdown": parseMarkdown,
  ".txt": parsePlainText,
  ".json": parseJsonDocument,
  ".jsonl": parseJsonLines,
  ".ndjson": parseJsonLines,
};
// A collection of garbage should give a few clear warnings, not one per line.
const MAX_PROBLEMS_PER_FILE = 20;
const COLLECTIONS = new Set([".json", ".jsonl", ".ndjson"]);

/**
 * Loads every article of a folder (or a single file) (and its subfolders): Markdown with front matter,
 * plain text, JSON and JSON Lines records, with `corpus.yaml` supplying metadata the
 * files lack. A bad file is skipped with a warning; the good ones are always kept.
 * Reading never leaves the folder: a link whose target is outside it is skipped
 * (see outsideCorpus). Every document gets an id of its own (see assignIds).
 */
export async function loadCorpus(path: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  // A single file (e.g. one .jsonl collection) is a corpus of its own.
  const info = await stat(path);
  if (!info.isFile() && !info.isDirectory()) {
    throw new Error(`${path} is neither a folder of articles nor a file`);
  }
  const single = info.isFile();
  const dir = single ? dirname(path) : path;
  const limits: ParseLimits = {
    maxArticleBytes: options.maxArticleBytes ?? DEFAULT_PARSE_LIMITS.maxArticleBytes,
    maxParagraphs: options.maxParagraphs ?? DEFAULT_PARSE_LIMITS.maxParagraphs,
  };
  const maxCollection = options.maxCollectionBytes ?? 512 * 1024 * 1024;
  // The file named on the command line is read wherever it points; a folder's files stay inside it.
  const root = single ? undefined : await corpusRoot(dir);
  const warnings: CorpusWarning[] = [];
  const manifest = await readManifest(dir, root);
  for (const reason of manifest.problems) warnings.push({ file: MANIFEST_FILE, reason });
  const files = single ? [path] : await listFiles(dir);
  const loaded: LoadedArticle[] = [];
  let filesDone = 0;
  for (const path of files) {
    const file = relative(dir, path);
    const extension = extname(path).toLowerCase();
    const parse = PARSERS[extension];
    if (!parse) {
      warnings.push({ file, reason: `skipped: unsupported file type "${extension || "(none)"}"` });
      continue;
    }
    filesDone++;
    const outside = root === undefined ? undefined : await outsideCorpus(root, path);
    if (outside) {
      warnings.push({ file, reason: `skipped: ${outside}` });
      continue;
    }
    const maxBytes = COLLECTIONS.has(extension) ? maxCollection : limits.maxArticleBytes;
    const read = await readTextFile(path, maxBytes).catch((error: Error) => ({
      ok: false as const,
      reason: `unreadable: ${error.message}`,
    }));
    if (!read.ok) {
      warnings.push({ file, reason: `skipped: ${read.reason}` });
      continue;
    }
    let parsed: ParseResult;
    try {
      parsed = parse(read.text, limits);
    } catch (error) {
      warnings.push({ file, reason: `skipped: ${(error as Error).message}` });
      continue;
    }
    for (const reason of parsed.problems.slice(0, MAX_PROBLEMS_PER_FILE)) {
      warnings.push({ file, reason: `record skipped: ${reason}` });
    }
    if (parsed.problems.length > MAX_PROBLEMS_PER_FILE) {
      const more = parsed.problems.length - MAX_PROBLEMS_PER_FILE;
      warnings.push({
        file,
        reason: `${more.toLocaleString("en")} more records skipped for the same kinds of reason`,
      });
    }
    for (const article of parsed.articles) {
      const baseId = article.id ?? basename(path, extname(path));
      if (article.paragraphs.length === 0) {
        warnings.push({ file, reason: "skipped: no body text" });
        continue;
      }
      if (article.omittedParagraphs) {
        const where = article.id === undefined ? "" : ` (record "${article.id}")`;
        warnings.push({
          file,
          reason: `truncated${where}: ${article.omittedParagraphs.toLocaleString("en")} paragraphs past the first ${limits.maxParagraphs.toLocaleString("en")} dropped`,
        });
      }
      const document: NewsDocument = {
        id: baseId,
        title: baseId,
        file,
        body: article.body,
        paragraphs: article.paragraphs,
      };
      applyMetadata(document, article.metadata, manifest.entries.get(baseId));
      if (article.sources.length > 0) document.sources = article.sources;
      loaded.push({ document, file });
    }
    options.onProgress?.({ filesDone, filesTotal: files.length, documents: loaded.length });
  }
  warnings.push(...assignIds(loaded));
  return { documents: loaded.map((l) => l.document), warnings };
}

/** A document read, with the file it came from, before its id is final. */
interface LoadedArticle {
  document: NewsDocument;
  file: string;
}

/**
 * Makes every id unique, by construction: the first document to claim an id
 * (in file order) keeps it; a later one gets `<id>~<n>` with the smallest
 * n ≥ 2 that no document claims (so `a~2.md` keeps `a~2` even when `a.md` and
 * `a.txt` both come first) and the clash is named in a warning. Returns the warnings.
 */
function assignIds(loaded: readonly LoadedArticle[]): CorpusWarning[] {
  const claimed = new Set(loaded.map((l) => l.document.id));
  const taken = new Set<string>();
  const warnings: CorpusWarning[] = [];
  for (const { document, file } of loaded) {
    const wanted = document.id;
    if (!taken.has(wanted)) {
      taken.add(wanted);
      continue;
    }
    let n = 2;
    while (taken.has(`${wanted}~${n}`) || claimed.has(`${wanted}~${n}`)) n++;
    document.id = `${wanted}~${n}`;
    taken.add(document.id);
    warnings.push({ file, reason: `duplicate id "${wanted}": kept as "${document.id}"` });
  }
  return warnings;
}

/** The files of a corpus folder that loadCorpus reads, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter(
      (entry) =>
        (entry.isFile() || entry.isSymbolicLink()) && !entry.name.startsWith(".") && !isManifest(dir, entry),
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/(^|\/)README(\.\w+)?$/iu.test(relative(dir, path)))
    .sort();
}

function isManifest(dir: string, entry: { name: string; parentPath: string }): boolean {
  return (entry.name === MANIFEST_FILE || entry.name === FEEDS_FILE) && entry.parentPath === dir;
}

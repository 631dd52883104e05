import { readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join, relative } from "node:path";
import type { NewsDocument } from "../model.js";
import { MANIFEST_FILE, readManifest } from "./manifest.js";
import { applyMetadata } from "./metadata.js";
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
  /** Largest single article (.md, .txt) read; larger ones are skipped. Default 5 MB. */
  maxArticleBytes?: number;
  /** Largest collection (.json, .jsonl) read. Default 512 MB. */
  maxCollectionBytes?: number;
  onProgress?: (progress: LoadProgress) => void;
}

/** The documents of a corpus folder and what was skipped. */
export interface LoadedCorpus {
  documents: NewsDocument[];
  warnings: CorpusWarning[];
}

const PARSERS: Record<string, (text: string) => ParseResult> = {
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
 */
export async function loadCorpus(path: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  // A single file (e.g. one .jsonl collection) is a corpus of its own.
  const single = (await stat(path)).isFile();
  const dir = single ? dirname(path) : path;
  const maxArticle = options.maxArticleBytes ?? 5 * 1024 * 1024;
  const maxCollection = options.maxCollectionBytes ?? 512 * 1024 * 1024;
  const warnings: CorpusWarning[] = [];
  const manifest = await readManifest(dir);
  for (const reason of manifest.problems) warnings.push({ file: MANIFEST_FILE, reason });
  const files = single ? [path] : await listFiles(dir);
  const documents: NewsDocument[] = [];
  const ids = new Map<string, number>();
  let filesDone = 0;
  for (const path of files) {
    const file = relative(dir, path);
    const extension = extname(path).toLowerCase();
    const parse = PARSERS[extension];
    if (!parse) {
      warnings.push({ file, reason: `skipped: unsupported file type "${extension || "(none)"}"` });
      continue;
    }
    const read = await readTextFile(path, COLLECTIONS.has(extension) ? maxCollection : maxArticle).catch(
      (error: Error) => ({ ok: false as const, reason: `unreadable: ${error.message}` }),
    );
    filesDone++;
    if (!read.ok) {
      warnings.push({ file, reason: `skipped: ${read.reason}` });
      continue;
    }
    let parsed: ParseResult;
    try {
      parsed = parse(read.text);
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
      if (article.paragraphs.length === 0) {
        warnings.push({ file, reason: "skipped: no body text" });
        continue;
      }
      const baseId = article.id ?? basename(path, extname(path));
      const id = uniqueId(baseId, ids);
      if (id !== baseId) warnings.push({ file, reason: `duplicate id "${baseId}": kept as "${id}"` });
      const document: NewsDocument = {
        id,
        title: baseId,
        file,
        body: article.body,
        paragraphs: article.paragraphs,
      };
      applyMetadata(document, article.metadata, manifest.entries.get(baseId));
      if (article.sources.length > 0) document.sources = article.sources;
      documents.push(document);
    }
    options.onProgress?.({ filesDone, filesTotal: files.length, documents: documents.length });
  }
  return { documents, warnings };
}

function uniqueId(base: string, seen: Map<string, number>): string {
  const count = (seen.get(base) ?? 0) + 1;
  seen.set(base, count);
  return count === 1 ? base : `${base}~${count}`;
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
  return entry.name === MANIFEST_FILE && entry.parentPath === dir;
}

import { blocksToParagraphs, textBlocks } from "./blocks.js";
import { describeIssues, recordSchema } from "./metadata.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "./parse-limits.js";
import type { ParsedArticle, ParseResult } from "./parsed-article.js";
import { formatBytes } from "./read-file.js";

/** Reads JSON Lines: one `{id, title, published, text, url?, source?}` record a line. */
export function parseJsonLines(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  const result: ParseResult = { articles: [], problems: [] };
  let lineNumber = 0;
  for (const line of text.split("\n")) {
    lineNumber++;
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      result.problems.push(`line ${lineNumber}: not valid JSON`);
      continue;
    }
    addRecord(result, value, `line ${lineNumber}`, limits);
  }
  return result;
}

/** Reads a JSON file: one record, an array of records, or `{documents: [...]}`. */
export function parseJsonDocument(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`);
  }
  const records = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.documents)
      ? value.documents
      : [value];
  const result: ParseResult = { articles: [], problems: [] };
  records.forEach((record: unknown, index: number) => {
    addRecord(result, record, `record ${index + 1}`, limits);
  });
  return result;
}

function addRecord(result: ParseResult, value: unknown, where: string, limits: ParseLimits): void {
  // The per-article cap holds inside collections too: one record is one article.
  const size = isObject(value) && typeof value.text === "string" ? Buffer.byteLength(value.text) : 0;
  if (size > limits.maxArticleBytes) {
    result.problems.push(
      `${where}: text too large (${formatBytes(size)}; the limit is ${formatBytes(limits.maxArticleBytes)})`,
    );
    return;
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    result.problems.push(`${where}: ${describeIssues(parsed.error)}`);
    return;
  }
  const { id, text, ...metadata } = parsed.data;
  const { paragraphs, sources, omitted } = blocksToParagraphs(
    text,
    textBlocks(text, { headings: false }),
    limits.maxParagraphs,
  );
  if (paragraphs.length === 0) {
    result.problems.push(`${where}: no text`);
    return;
  }
  const article: ParsedArticle = { id, body: text, metadata, paragraphs, sources };
  if (omitted > 0) article.omittedParagraphs = omitted;
  result.articles.push(article);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

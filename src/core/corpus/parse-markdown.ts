import { type Block, blocksToParagraphs } from "./blocks.js";
import { parseFrontMatter } from "./front-matter.js";
import { describeIssues, metadataSchema } from "./metadata.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "./parse-limits.js";
import type { ParseResult } from "./parsed-article.js";

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;
const ATX_HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/u;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/u;

/**
 * Reads a Markdown article with YAML front matter (`title`, `published`, `source`,
 * `url`, `authors`, `tags`). A `# Heading` before any text is the title when the
 * front matter has none; later headings are section headings.
 * Throws an Error with a readable message when the front matter is broken.
 */
export function parseMarkdown(body: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  const match = FRONT_MATTER.exec(body);
  let raw: unknown = {};
  if (match) {
    raw = parseFrontMatter(match[1] ?? "");
    if (typeof raw !== "object" || Array.isArray(raw))
      throw new Error("broken front matter: not a mapping of fields");
  }
  const parsed = metadataSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid front matter: ${describeIssues(parsed.error)}`);
  const metadata = parsed.data;
  const blocks = markdownBlocks(body, match ? match[0].length : 0);
  const first = blocks[0];
  if (first?.kind === "heading" && metadata.title === undefined) {
    metadata.title = body.slice(first.start, first.end);
    blocks.shift();
  }
  const { paragraphs, sources, omitted } = blocksToParagraphs(body, blocks, limits.maxParagraphs);
  return {
    articles: [{ body, metadata, paragraphs, sources, ...(omitted > 0 && { omittedParagraphs: omitted }) }],
    problems: [],
  };
}

function markdownBlocks(body: string, from: number): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  let position = from;
  for (const line of body.slice(from).split("\n")) {
    const start = position;
    position += line.length + 1;
    const content = line.replace(/\r$/u, "");
    const end = start + content.length;
    if (content.trim() === "") {
      open = undefined;
      continue;
    }
    const heading = ATX_HEADING.exec(content);
    if (heading) {
      const text = heading[2] ?? "";
      const offset = start + content.indexOf(text, (heading[1] ?? "").length);
      blocks.push({ kind: "heading", start: offset, end: offset + text.length });
      open = undefined;
      continue;
    }
    const item = LIST_ITEM.exec(content);
    if (item) {
      open = { kind: "list", start: start + item[0].length, end };
      blocks.push(open);
      continue;
    }
    if (open) {
      open.end = end;
    } else {
      const indent = content.length - content.trimStart().length;
      open = { kind: "text", start: start + indent, end };
      blocks.push(open);
    }
  }
  return blocks.map((b) => ({ ...b, end: b.start + body.slice(b.start, b.end).trimEnd().length }));
}

import { type Block, blocksToParagraphs, looksLikeTitle, textBlocks } from "./blocks.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "./parse-limits.js";
import type { ParseResult } from "./parsed-article.js";

/**
 * Reads a plain-text article: the first line is the title when it reads like one;
 * a short all-lower-case line right after it is a tag (a kicker such as "visa");
 * short unpunctuated lines are headings, bullet lines list items, and a
 * `Sources:` section lists the article's sources.
 */
export function parsePlainText(body: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  const blocks = textBlocks(body, { headings: true });
  let title: string | undefined;
  const first = blocks[0];
  if (
    first &&
    first.kind !== "list" &&
    blocks.length > 1 &&
    looksLikeTitle(body.slice(first.start, first.end))
  ) {
    title = body.slice(first.start, first.end);
    blocks.shift();
  }
  const tags: string[] = [];
  while (title !== undefined && isKicker(body, blocks[0])) {
    const kicker = blocks.shift() as Block;
    tags.push(body.slice(kicker.start, kicker.end));
  }
  const { paragraphs, sources, omitted } = blocksToParagraphs(body, blocks, limits.maxParagraphs);
  const metadata = { ...(title !== undefined && { title }), ...(tags.length > 0 && { tags }) };
  return {
    articles: [{ body, metadata, paragraphs, sources, ...(omitted > 0 && { omittedParagraphs: omitted }) }],
    problems: [],
  };
}

function isKicker(body: string, block: Block | undefined): boolean {
  if (block?.kind !== "heading") return false;
  const text = body.slice(block.start, block.end);
  return text.length <= 40 && text === text.toLowerCase() && /\p{L}/u.test(text);
}

import { parseHTML } from "linkedom";
import type { PageDocument, PageElement } from "./page-document.js";

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td";

/**
 * The text blocks of Readability's article HTML, in order: each innermost paragraph,
 * heading (as `## …`), list item or quotation, whitespace collapsed. A block holding
 * other blocks (a quotation of paragraphs) gives its inner ones only.
 */
export function articleBlocks(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
    document: PageDocument;
  };
  const blocks: string[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    if (element.querySelector(BLOCKS)) continue;
    const text = collapse(element.textContent);
    if (text === "") continue;
    blocks.push(/^H[1-6]$/iu.test(element.tagName) ? `## ${text}` : text);
  }
  if (blocks.length > 0) return blocks;
  // A page without block markup (text and <br>s in a div): its lines are its paragraphs.
  const body = document.querySelector("body") as PageElement | null;
  return (body?.textContent ?? "")
    .split(/\n\s*\n|\n/u)
    .map(collapse)
    .filter((t) => t !== "");
}

function collapse(text: string | null): string {
  return (text ?? "").replace(/\s+/gu, " ").trim();
}

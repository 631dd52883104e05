import type { Paragraph } from "../model.js";
import { splitSentences } from "../text/sentences.js";

/** A piece of an article's body, as a range of its text. */
export interface Block {
  kind: "text" | "list" | "heading";
  start: number;
  end: number;
}

/** A line of the body with its range; `end` excludes the line break. */
interface Line {
  start: number;
  end: number;
}

const BULLET = /^\s*(?:[•●▪◦·*–-]|\d{1,2}[.)])\s+/u;
const TERMINAL = /[.!?;:,"”’»)]$/u;
// A line this long that stops without punctuation was wrapped, not ended.
const WRAPPED_LINE_MIN = 50;

/**
 * Cuts plain text into blocks: blank lines separate blocks; inside a block a line
 * that ends a sentence (or a bullet, or a short unpunctuated line) ends a unit,
 * while a long line without final punctuation is joined to the next (hard wraps).
 */
export function textBlocks(body: string, options: { headings: boolean }): Block[] {
  const units: Block[] = [];
  let current: Line | undefined;
  const flush = () => {
    if (current) units.push(classify(body, current, options.headings));
    current = undefined;
  };
  for (const line of lines(body)) {
    const text = body.slice(line.start, line.end);
    if (text.trim() === "") {
      flush();
      continue;
    }
    if (current && BULLET.test(text)) flush();
    if (current) current.end = line.end;
    else current = { ...line };
    const trimmed = text.trimEnd();
    if (TERMINAL.test(trimmed) || trimmed.trim().length < WRAPPED_LINE_MIN) flush();
  }
  flush();
  return units;
}

function* lines(body: string): Generator<Line> {
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf("\n", start);
    if (end === -1) end = body.length;
    const lineEnd = end > start && body[end - 1] === "\r" ? end - 1 : end;
    yield { start, end: lineEnd };
    start = end + 1;
  }
}

function classify(body: string, range: Line, headings: boolean): Block {
  let { start, end } = range;
  while (start < end && /\s/u.test(body[start] ?? "")) start++;
  while (end > start && /\s/u.test(body[end - 1] ?? "")) end--;
  const text = body.slice(start, end);
  const bullet = BULLET.exec(text);
  if (bullet) return { kind: "list", start: start + bullet[0].length, end };
  if (headings && looksLikeHeading(text)) return { kind: "heading", start, end };
  return { kind: "text", start, end };
}

/** A short line that does not end like a sentence reads as a section heading. */
export function looksLikeHeading(text: string): boolean {
  if (text.length > 100 || text.includes("\n")) return false;
  if (text.split(/\s+/u).length > 14) return false;
  if (/^sources?:?$/iu.test(text)) return true;
  return !/[.!?;,:"”’»]$/u.test(text);
}

/** Reads like a title: one short line that does not end with a full stop. */
export function looksLikeTitle(text: string): boolean {
  return (
    text.length <= 200 && !text.includes("\n") && text.split(/\s+/u).length <= 25 && !/[.,;:]$/u.test(text)
  );
}

/** An article's body as numbered paragraphs, with its sources and what did not fit. */
export interface BodyParagraphs {
  paragraphs: Paragraph[];
  sources: string[];
  /** Paragraphs (and source lines) past `maxParagraphs`, dropped. */
  omitted: number;
}

/**
 * Turns body blocks into numbered paragraphs with their headings and sentences.
 * A `Sources:` heading ends the body: the lines after it are returned as sources.
 * At most `maxParagraphs` paragraphs (and as many source lines) are made; the
 * rest are counted in `omitted`, so an absurd file costs no more than a long one.
 */
export function blocksToParagraphs(
  body: string,
  blocks: readonly Block[],
  maxParagraphs: number = Number.POSITIVE_INFINITY,
): BodyParagraphs {
  const paragraphs: Paragraph[] = [];
  const sources: string[] = [];
  let heading: string | undefined;
  let inSources = false;
  let omitted = 0;
  for (const block of blocks) {
    if (paragraphs.length >= maxParagraphs || sources.length >= maxParagraphs) {
      if (block.kind !== "heading") omitted++;
      continue;
    }
    const text = body.slice(block.start, block.end);
    if (block.kind === "heading" && /^sources?:?$/iu.test(text.trim())) {
      inSources = true;
      continue;
    }
    // Everything after a Sources: heading names sources, even lines that look like headings.
    if (inSources) {
      sources.push(text);
      continue;
    }
    if (block.kind === "heading") {
      heading = text;
      continue;
    }
    const paragraph: Paragraph = {
      number: paragraphs.length + 1,
      kind: block.kind,
      text,
      offset: block.start,
      sentences: splitSentences(text),
    };
    if (heading !== undefined) paragraph.heading = heading;
    paragraphs.push(paragraph);
  }
  return { paragraphs, sources, omitted };
}

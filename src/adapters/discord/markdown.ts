import type { Mark } from "../../core/answer.js";
import { truncate } from "../../core/layout.js";

/**
 * Discord markdown for text we did not write (corpus excerpts, titles echoing
 * the user's query): everything is escaped so it shows verbatim and cannot
 * open a link, a mention, a code block or a spoiler.
 */

// Characters that can start or end inline formatting anywhere in a line: emphasis,
// strike, code, spoilers, masked links (`[`), mentions, emoji and timestamps (`<`).
const INLINE = /[\\*_~`|[\]<]/gu;
// Block markers only count at the start of a line: headings, subtext, quotes, lists
// (`*` bullets are already covered by INLINE).
const LINE_START = /^([ \t]*)(#{1,3} |-# |>>> |> |[-+] )/gmu;
const ORDERED_LIST = /^([ \t]*\d+)\. /gmu;

/** Escapes Discord markdown so `text` renders exactly as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_START, (_all, indent: string, marker: string) => `${indent}\\${marker}`)
    .replace(ORDERED_LIST, (_all, number: string) => `${number}\\. `);
}

/**
 * The escaped form of `text`, cut (at a word boundary, with an ellipsis) so the
 * escaped result is at most `max` units long. Cutting happens before escaping,
 * so an escape sequence is never split. Ranges in `marks` (clean: see the answer view) are bold.
 */
export function fitMarkdown(text: string, max: number, marks: readonly Mark[] = []): string {
  if (max <= 0) return "";
  const full = renderMarked(text, text.length, marks);
  if (full.length <= max) return full;
  let best = "…";
  let low = 2;
  let high = text.length - 1;
  // Escaping can only lengthen text, so the longest fitting cut is found by bisection.
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = cutAndRender(text, middle, marks);
    if (candidate.length <= max) {
      best = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

function cutAndRender(text: string, units: number, marks: readonly Mark[]): string {
  const cut = truncate(text, units);
  // `truncate` keeps a prefix of `text` and appends one ellipsis.
  const prefixLength = cut.length - 1;
  return `${renderMarked(text, prefixLength, marks)}…`;
}

function renderMarked(text: string, end: number, marks: readonly Mark[]): string {
  let out = "";
  let at = 0;
  for (const mark of marks) {
    if (mark.start >= end) break;
    const stop = Math.min(mark.end, end);
    const inner = text.slice(mark.start, stop);
    out += escapeMarkdown(text.slice(at, mark.start));
    out += inner.trim() === "" ? escapeMarkdown(inner) : `**${escapeMarkdown(inner)}**`;
    at = stop;
  }
  return out + escapeMarkdown(text.slice(at, end));
}

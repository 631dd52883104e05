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
 * so an escape sequence is never split. Ranges in `marks` are shown in bold.
 */
export function fitMarkdown(text: string, max: number, marks: readonly Mark[] = []): string {
  if (max <= 0) return "";
  const clean = cleanMarks(text, marks);
  const full = renderMarked(text, text.length, clean);
  if (full.length <= max) return full;
  let best = "…";
  let low = 2;
  let high = text.length - 1;
  // Escaping can only lengthen text, so the longest fitting cut is found by bisection.
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = cutAndRender(text, middle, clean);
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

/** Marks sorted, inside the text, not overlapping, trimmed of spaces, off surrogate halves. */
function cleanMarks(text: string, marks: readonly Mark[]): Mark[] {
  const sorted = [...marks]
    .map((m) => ({ start: Math.trunc(m.start), end: Math.trunc(m.end) }))
    .filter((m) => Number.isFinite(m.start) && Number.isFinite(m.end))
    .sort((a, b) => a.start - b.start);
  const clean: Mark[] = [];
  let floor = 0;
  for (const mark of sorted) {
    let start = snap(text, Math.max(mark.start, floor, 0));
    let end = snap(text, Math.min(mark.end, text.length));
    while (start < end && /\s/u.test(text[start] ?? "")) start++;
    while (end > start && /\s/u.test(text[end - 1] ?? "")) end--;
    if (end <= start) continue;
    clean.push({ start, end });
    floor = end;
  }
  return clean;
}

/** Moves an index off the second half of a surrogate pair. */
function snap(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff && index > 0 ? index - 1 : index;
}

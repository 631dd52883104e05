import type { Mark } from "../core/answer.js";

/**
 * Marks fit to show: whole numbers, sorted, inside the text, not overlapping,
 * trimmed of spaces and off surrogate halves. Renderers may drop more (a limit,
 * a platform's rule for where bold can start) but never need to repair these.
 */
export function cleanMarks(text: string, marks: readonly Mark[] = []): Mark[] {
  const sorted = marks
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

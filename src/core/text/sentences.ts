import type { Sentence } from "../model.js";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

// Titles and common abbreviations after which ICU's sentence rules break too eagerly.
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof st jr sr gen sen rep gov lt col capt sgt maj adm cmdr hon rev fr pres " +
    "inc corp co ltd bros dept univ no vs approx est fig jan feb mar apr jun jul aug sep sept oct nov dec " +
    "mt ft ave blvd"
  ).split(" "),
);

// Words that usually open a new sentence, so an initialism before them really ends one.
const SENTENCE_OPENERS = new Set(
  (
    "the a an he she it they we i you his her its their our this that these those there but and or so yet " +
    "in on at for with after before when while if as however meanwhile still now then also although " +
    "officials washington"
  ).split(" "),
);

const INITIALISM_END = /(?:^|[\s(“"‘'])(?:\p{L}\.){2,}$/u;
const ABBREVIATION_END = /(?:^|[\s(“"‘'])(\p{L}+)\.$/u;
// A straight quotation mark followed by a letter opens the next sentence's quote ('Ledger. "You have'), it does not close this one.
const CLOSING_PUNCTUATION = /^(?:[”’»)\]]|["'](?![\p{L}\p{N}]))/u;

/**
 * Splits a paragraph into sentences with Intl.Segmenter, then mends its known
 * mistakes: breaks after titles ("Mr."), after initialisms ("U.S.") followed by a
 * name, and closing quotation marks left at the start of the next sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const merged: Sentence[] = [];
  for (const { index, segment } of segments(text)) {
    const piece = { start: index, end: index + segment.length };
    const previous = merged.at(-1);
    if (previous && shouldJoin(text.slice(previous.start, previous.end), segment)) {
      previous.end = piece.end;
    } else {
      merged.push(piece);
    }
  }
  return merged.map((s) => trimRange(text, s)).filter((s) => s.end > s.start);
}

// V8's sentence segmenter takes time quadratic in the text's length (10,000 sentences
// in one paragraph: 11 s), so a long text is segmented in windows of about this many
// characters, each cut just after a sentence's end (the joins above mend a cut after "Mr.").
const WINDOW = 4096;
const WINDOW_CUT = /[.!?…]["”’»)\]]*\s+/gu;

/** Intl.Segmenter's sentence segments of `text`, with their index in `text`. */
function* segments(text: string): Generator<{ index: number; segment: string }> {
  let from = 0;
  while (from < text.length) {
    const to = text.length - from <= WINDOW ? text.length : windowEnd(text, from);
    for (const { index, segment } of segmenter.segment(text.slice(from, to))) {
      yield { index: from + index, segment };
    }
    from = to;
  }
}

/** Where the window starting at `from` ends: after the last sentence end in it, or at its last space. */
function windowEnd(text: string, from: number): number {
  const window = text.slice(from, from + WINDOW);
  let cut = 0;
  for (const match of window.matchAll(WINDOW_CUT)) {
    // A cut must leave text on both sides.
    if (match.index + match[0].length < window.length) cut = match.index + match[0].length;
  }
  if (cut === 0) cut = window.lastIndexOf(" ") + 1;
  if (cut === 0) cut = isHighSurrogate(window.charCodeAt(WINDOW - 1)) ? WINDOW - 1 : WINDOW;
  return from + cut;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function shouldJoin(previous: string, next: string): boolean {
  if (CLOSING_PUNCTUATION.test(next)) return true;
  const tail = previous.trimEnd();
  if (tail.length === previous.length) return true; // ICU broke without whitespace: not a real break
  const firstWord = /^[“"‘'(]*(\p{L}+)/u.exec(next)?.[1] ?? "";
  if (firstWord === "" || firstWord[0] === firstWord[0]?.toLowerCase()) return true;
  if (INITIALISM_END.test(tail)) return !SENTENCE_OPENERS.has(firstWord.toLowerCase());
  const abbreviation = ABBREVIATION_END.exec(tail)?.[1];
  if (abbreviation === undefined) return false;
  return ABBREVIATIONS.has(abbreviation.toLowerCase()) || abbreviation.length === 1;
}

function trimRange(text: string, range: Sentence): Sentence {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start] ?? "")) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? "")) end--;
  return { start, end };
}

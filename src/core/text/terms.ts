import { stemmer } from "stemmer";

// A standard English stop list, minus "us" (it is also how "U.S." is indexed).
const STOP_WORDS = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between " +
    "both but by can could did do does doing down during each few for from further had has have having he her " +
    "here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not " +
    "now of off on once only or other our ours ourselves out over own same she should so some such than that the " +
    "their theirs them themselves then there these they this those through to too under until up very was we " +
    "were what when where which while who whom why will with would you your yours yourself yourselves also " +
    "said says say mln pct"
  ).split(" "),
);

/** A word of a text with its place: `[start, end)` in the text. */
export interface TokenSpan {
  word: string;
  start: number;
  end: number;
}

// Initialisms ("U.S.") first, so they stay one word; apostrophes split ("Petro’s" → Petro, s).
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}\p{M}]+/gu;

// Text with nothing to normalise.
const NON_ASCII = /[\u0080-\u{10FFFF}]/u;

/** Removes accents and case: "Díaz-Canel" → "díaz-canel" → "diaz-canel". */
export function foldAccents(text: string): string {
  // Plain ASCII has no accents to fold (the common case; normalising is not free).
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/**
 * The words of a folded text (see `foldAccents`): its runs of letters and digits,
 * none empty. Plain ASCII is split in one pass of character codes, the same
 * words the Unicode-aware split gives, several times faster.
 */
export function foldedWords(folded: string): string[] {
  if (NON_ASCII.test(folded)) return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0;
    const inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/** The words of a text with their offsets (initialisms keep their dots). */
export function tokenSpans(text: string): TokenSpan[] {
  return Array.from(text.matchAll(WORD), (m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

// WORD's twin for a scan that stops early (its own `lastIndex`, reset at each scan).
const WORD_SCAN = new RegExp(WORD.source, WORD.flags);

/**
 * Where the first word of `text` whose index term is one of `terms` (a few) starts (as the first of
 * `tokenSpans` whose `indexTerm` it holds), when one starts before `before`; reads no
 * further.
 */
export function firstTermBefore(
  text: string,
  terms: readonly string[],
  before = text.length,
): number | undefined {
  WORD_SCAN.lastIndex = 0;
  for (
    let match = WORD_SCAN.exec(text);
    match !== null && match.index < before;
    match = WORD_SCAN.exec(text)
  ) {
    const term = indexTerm(match[0]);
    if (term !== null && terms.includes(term)) return match.index;
  }
  return undefined;
}

/**
 * Where the words of `text` whose index term is one of `terms` are: the spans of
 * `tokenSpans` whose `indexTerm` is wanted, in order, found without making a span
 * or a term for the other words.
 */
export function termSpans(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (terms.length === 0) return spans;
  const wanted = new Set(terms);
  const initials = new Set(terms.map((t) => t.charCodeAt(0)));
  WORD_SCAN.lastIndex = 0;
  for (let match = WORD_SCAN.exec(text); match !== null; match = WORD_SCAN.exec(text)) {
    const word = match[0];
    // A term begins with its word's first letter or digit, folded (stemming only changes endings,
    // a dot is dropped only inside an initialism): a word starting elsewhere holds no wanted term.
    const first = asciiAlnumLower(word.charCodeAt(0));
    if (first !== -1 && !initials.has(first)) continue;
    const term = indexTerm(word);
    if (term !== null && wanted.has(term)) spans.push({ start: match.index, end: match.index + word.length });
  }
  return spans;
}

/** The lower-case code of an ASCII letter or digit, -1 for any other character. */
function asciiAlnumLower(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return code;
  return -1;
}

/** The words of a text, for MiniSearch's `tokenize`. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Turns a word into the term the index stores, or null for words not worth
 * indexing: folds accents and case, joins initialisms, drops stop words, stems.
 */
export function indexTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const folded = foldWord(word);
  const term = (folded.length < 2 && !/\d/u.test(folded)) || STOP_WORDS.has(folded) ? null : stemmer(folded);
  remember(termCache, word, term);
  return term;
}

/** Like indexTerm, but keeps the folded word unstemmed (for names and completion). */
export function foldWord(word: string): string {
  const cached = foldCache.get(word);
  if (cached !== undefined) return cached;
  const folded = foldAccents(word).replaceAll(".", "");
  remember(foldCache, word, folded);
  return folded;
}

// Words repeat far more than they vary: caching per word makes indexing a corpus several times faster.
const CACHE_LIMIT = 500_000;
const termCache = new Map<string, string | null>();
const foldCache = new Map<string, string>();

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

/** True for words that carry no topic of their own. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldWord(word));
}

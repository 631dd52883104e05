/**
 * A copy of a text that cue patterns can match case-insensitively in plain ASCII,
 * with a way back to the offsets of the original.
 */
export interface FoldedText {
  /** Accents stripped, curly quotes and apostrophes straightened, exotic spaces and dashes made plain. */
  readonly text: string;
  /**
   * For each code unit of `text` (plus one past the end), its offset in the original;
   * null when folding kept every offset (the usual case).
   */
  readonly offsets: Int32Array | null;
}

// Punctuation that news text writes in several ways; mapped one code unit to one.
const PUNCTUATION_FOLDS: Readonly<Record<string, string>> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u02bc": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u00ab": '"',
  "\u00bb": '"',
  "\u00a0": " ",
  "\u2007": " ",
  "\u202f": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u00ad": "",
};

const NON_ASCII = /\P{ASCII}/gu;
const HAS_NON_ASCII = /\P{ASCII}/u;
const MARKS = /\p{M}+/gu;
const foldCache = new Map<string, string>();

function foldChar(char: string): string {
  const cached = foldCache.get(char);
  if (cached !== undefined) return cached;
  const folded = PUNCTUATION_FOLDS[char] ?? char.normalize("NFD").replace(MARKS, "");
  // The cache only grows with distinct non-ASCII characters, which a corpus has few of.
  foldCache.set(char, folded);
  return folded;
}

/**
 * Folds a text for cue matching. ASCII text comes back as is; otherwise each
 * non-ASCII character is folded on its own ("é" → "e", "’" → "'", "\u00a0" → " "),
 * and when that changes lengths (a combining mark dropped, a ligature split), the
 * result carries the offsets that lead back to the original.
 */
export function foldForMatching(text: string): FoldedText {
  if (!HAS_NON_ASCII.test(text)) return { text, offsets: null };
  let lengthChanged = false;
  const folded = text.replace(NON_ASCII, (char) => {
    const replacement = foldChar(char);
    if (replacement.length !== char.length) lengthChanged = true;
    return replacement;
  });
  if (!lengthChanged) return { text: folded, offsets: null };
  return foldWithOffsets(text);
}

function foldWithOffsets(text: string): FoldedText {
  const pieces: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const char = text.slice(i, i + width);
    const replacement = codePoint < 0x80 ? char : foldChar(char);
    pieces.push(replacement);
    for (let k = 0; k < replacement.length; k++) offsets.push(i);
    i += width;
  }
  offsets.push(text.length);
  return { text: pieces.join(""), offsets: Int32Array.from(offsets) };
}

/** Maps an offset in a folded text back to the original text. */
export function originalOffset(folded: FoldedText, offset: number): number {
  return folded.offsets === null ? offset : (folded.offsets[offset] ?? offset);
}

// Words that lead into a date expression and belong to it as written.
const LEAD_WORDS = new Set(
  "earlier later early late mid next last this in on by since until till from through during before after around".split(
    " ",
  ),
);
const PERIOD_PARTS = new Set(["end", "beginning", "start", "middle", "close"]);

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The word ending just before `end` (one or more spaces between), or undefined. */
function wordBefore(sentence: string, end: number): { word: string; start: number } | undefined {
  let i = end;
  while (i > 0 && (sentence[i - 1] === " " || sentence[i - 1] === "\u00a0")) i--;
  if (i === end) return undefined;
  const stop = i;
  while (i > 0 && isAsciiLetter(sentence.charCodeAt(i - 1))) i--;
  if (i === stop || (i > 0 && /[\p{L}\p{N}]/u.test(sentence[i - 1] ?? ""))) return undefined;
  return { word: sentence.slice(i, stop).toLowerCase(), start: i };
}

/** Start of "the end of (the)" or "as of" ending at `end`, or undefined. */
function phraseBefore(sentence: string, end: number): number | undefined {
  let word = wordBefore(sentence, end);
  if (word?.word === "the") word = wordBefore(sentence, word.start);
  if (word?.word !== "of") return undefined;
  const head = wordBefore(sentence, word.start);
  if (head?.word === "as") return head.start;
  if (head === undefined || !PERIOD_PARTS.has(head.word)) return undefined;
  const article = wordBefore(sentence, head.start);
  return article?.word === "the" ? article.start : head.start;
}

/**
 * Where a date expression starts once the words leading into it are included, so
 * that the text shown reads as written: "Earlier in 2025", "by the next day",
 * "By Monday", "late last year", "in mid-February", "by the end of the month", "next March".
 */
export function leadInStart(sentence: string, start: number): number {
  let from = start;
  for (let i = 0; i < 4; i++) {
    if (sentence.slice(from - 4, from).toLowerCase() === "mid-" && from >= 4) {
      from -= 4;
      continue;
    }
    const phrase = phraseBefore(sentence, from);
    if (phrase !== undefined) {
      from = phrase;
      continue;
    }
    const word = wordBefore(sentence, from);
    if (word === undefined || !LEAD_WORDS.has(word.word)) break;
    from = word.start;
  }
  return from;
}

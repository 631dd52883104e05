import { foldWord, indexTerm, tokenSpans } from "../../text/terms.js";

/** What a sentence is about, for telling whether two sentences report the same event. */
export interface ContentTerms {
  /** Stemmed content words (stop words, date words and small numbers left out). */
  terms: Set<string>;
  /** Names: capitalised words after the first, folded ("petro", "colombia", "us"). */
  names: Set<string>;
}

/** How a word counts: its index term (null when it does not) and its folded form. */
interface WordInfo {
  term: string | null;
  folded: string;
}

/** Word readings to reuse across many sentences (folding and stemming dominate the cost). */
export type WordCache = Map<string, WordInfo>;

// Words that say when, not what: two reports of the same day share them by construction.
const DATE_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|day|days|week|weeks|month|months|year|years|today|yesterday|tomorrow|earlier|later|ago|last|next|(?:1[89]|20)\d\d|\d{1,2})$/u;

function wordInfo(word: string, cache: WordCache): WordInfo {
  let info = cache.get(word);
  if (info === undefined) {
    const folded = foldWord(word);
    info = { folded, term: DATE_WORD.test(folded) ? null : indexTerm(word) };
    cache.set(word, info);
  }
  return info;
}

/** The content words and names of a sentence. */
export function contentTerms(sentence: string, cache: WordCache = new Map()): ContentTerms {
  const terms = new Set<string>();
  const names = new Set<string>();
  tokenSpans(sentence).forEach(({ word }, index) => {
    const { term, folded } = wordInfo(word, cache);
    if (term === null) return;
    terms.add(term);
    const first = word[0] ?? "";
    if (index > 0 && first !== first.toLowerCase()) names.add(folded);
  });
  return { terms, names };
}

/** How much two sentences share: shared terms, shared names, and the overlap coefficient of terms. */
export function termOverlap(
  a: ContentTerms,
  b: ContentTerms,
): { terms: number; names: number; score: number } {
  let terms = 0;
  for (const term of a.terms) if (b.terms.has(term)) terms++;
  let names = 0;
  for (const name of a.names) if (b.names.has(name)) names++;
  const smaller = Math.min(a.terms.size, b.terms.size);
  return { terms, names, score: smaller === 0 ? 0 : terms / smaller };
}

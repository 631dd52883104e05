import { foldWord, indexTerm, tokenize } from "../../text/terms.js";

// Words that say when, not what: two reports of the same day share them by construction.
const DATE_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|day|days|week|weeks|month|months|year|years|today|yesterday|tomorrow|earlier|later|ago|last|next|(?:1[89]|20)\d\d|\d{1,2})$/;

// Capitalised words that name no one in particular: company suffixes, titles, bodies.
const GENERIC_NAMES = new Set(
  (
    "inc corp corporation co cos ltd lp plc llc sa ag nv bv spa group holdings company companies international " +
    "bank savings trust financial " +
    "national federal new mr mrs ms dr president minister prime secretary chairman chief executive officer " +
    "government ministry department committee state reuters note shr net revs avg qtr"
  ).split(" "),
);

function isCapitalised(word: string): boolean {
  const first = word[0] ?? "";
  return first !== first.toLowerCase();
}

/**
 * The names of a sentence: its capitalised words after the first, folded ("Petro",
 * "Colombia", "U.S." → "petro", "colombia", "us"), date words and generic ones ("Inc",
 * "President") left out. Cheap, so it
 * is what candidate reports of the same event are looked up by.
 */
export function sentenceNames(sentence: string): Set<string> {
  const names = new Set<string>();
  tokenize(sentence).forEach((word, index) => {
    if (index === 0 || !isCapitalised(word)) return;
    const folded = foldWord(word);
    if (!DATE_WORD.test(folded) && !GENERIC_NAMES.has(folded) && indexTerm(word) !== null) names.add(folded);
  });
  return names;
}

/** The stemmed content words of a sentence: stop words, date words and small numbers left out. */
export function contentTerms(sentence: string): Set<string> {
  const terms = new Set<string>();
  for (const word of tokenize(sentence)) {
    if (DATE_WORD.test(foldWord(word))) continue;
    const term = indexTerm(word);
    if (term !== null) terms.add(term);
  }
  return terms;
}

/** How many members two sets share. */
export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared;
}

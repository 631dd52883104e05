import { misspell, nonsenseWord, type Random, randomInt, seededRandom } from "../../../bench/query-pick.js";
import { tokenize } from "../../../src/core/text/terms.js";

/** A query drawn for the equality test, with the kind of query it is. */
export interface DrawnQuery {
  kind: string;
  text: string;
}

/**
 * Queries drawn with a seed from texts' own words: common and rare words, two-
 * and three-word queries (from one sentence, so AND finds them, and from
 * anywhere, so it often falls back to OR), misspellings, unfinished words,
 * repeated words, stop words and words no text has.
 */
export function drawQueries(texts: readonly string[], seed: number, count: number): DrawnQuery[] {
  const random = seededRandom(seed);
  const frequency = new Map<string, number>();
  const sentences = texts.map((text) => tokenize(text));
  for (const words of sentences)
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const byCount = [...frequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const common = byCount.slice(0, Math.max(20, Math.floor(byCount.length / 50)));
  const rare = byCount.filter((w) => (frequency.get(w) ?? 0) <= 2);
  const long = byCount.filter((w) => w.length >= 5);
  const pick = (words: readonly string[]) => words[randomInt(random, words.length)] as string;
  const fromOneSentence = (n: number) => {
    const words = sentences[randomInt(random, sentences.length)] as string[];
    if (words.length === 0) return pick(byCount);
    const start = randomInt(random, Math.max(1, words.length - n + 1));
    return words.slice(start, start + n).join(" ");
  };
  const kinds: [string, () => string][] = [
    ["common word", () => pick(common)],
    ["rare word", () => pick(rare.length ? rare : byCount)],
    ["any word", () => pick(byCount)],
    ["two words of a sentence", () => fromOneSentence(2)],
    ["three words of a sentence", () => fromOneSentence(3)],
    ["two common words", () => `${pick(common)} ${pick(common)}`],
    ["two words from anywhere", () => `${pick(byCount)} ${pick(byCount)}`],
    [
      "three words from anywhere",
      () => `${pick(common)} ${pick(byCount)} ${pick(rare.length ? rare : byCount)}`,
    ],
    ["misspelling", () => misspell(random, pick(long.length ? long : byCount))],
    [
      "misspelling after a word",
      () => `${pick(common)} ${misspell(random, pick(long.length ? long : byCount))}`,
    ],
    ["unfinished word", () => unfinished(random, pick(long.length ? long : byCount))],
    [
      "word then unfinished word",
      () => `${pick(byCount)} ${unfinished(random, pick(long.length ? long : byCount))}`,
    ],
    [
      "repeated word",
      () => `${pick(common)} ${pick(byCount)} ${pick(common)}`.replace(/^(\S+) (\S+) \S+$/u, "$1 $2 $1"),
    ],
    ["stop word", () => pick(["said", "the", "of and", "said the"])],
    ["no such word", () => nonsenseWord(random, 6 + randomInt(random, 4))],
  ];
  const queries: DrawnQuery[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, draw] = kinds[i % kinds.length] as [string, () => string];
    queries.push({ kind, text: draw() });
  }
  return queries;
}

function unfinished(random: Random, word: string): string {
  return word.slice(0, 3 + randomInt(random, Math.max(1, word.length - 3)));
}

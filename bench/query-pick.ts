/**
 * Deterministic helpers of the query generator: a seeded random source,
 * sampling without replacement, typos and nonsense words. Pure, so the same
 * seed and corpus always give the same query set.
 */

/** A seeded source of numbers in [0, 1) (mulberry32). */
export type Random = () => number;

/** A deterministic random source from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Up to `n` distinct items of `items`, in the order drawn (a partial Fisher–Yates shuffle). */
export function sample<T>(random: Random, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const count = Math.min(n, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(random, pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}

const VOWELS = "aeiou";
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * A typo of a word of 5+ letters, one edit away as people make them: two
 * neighbouring letters swapped, a letter dropped, doubled, or a vowel replaced.
 * The first letter is kept (people rarely miss it). Never returns the word itself.
 */
export function misspell(random: Random, word: string): string {
  const letters = Array.from(word);
  if (letters.length < 3) return `${word}${word.at(-1) ?? "x"}`;
  const at = 1 + randomInt(random, letters.length - 2);
  const edits: (() => string[])[] = [
    () => {
      const swapped = [...letters];
      [swapped[at], swapped[at + 1]] = [swapped[at + 1] as string, swapped[at] as string];
      return swapped;
    },
    () => letters.filter((_, i) => i !== at),
    () => [...letters.slice(0, at + 1), letters[at] as string, ...letters.slice(at + 1)],
    () => {
      const vowel = letters.findIndex((c, i) => i > 0 && VOWELS.includes(c.toLowerCase()));
      if (vowel < 0) return letters.filter((_, i) => i !== at);
      const others = VOWELS.replace(letters[vowel]?.toLowerCase() ?? "", "");
      const replaced = [...letters];
      replaced[vowel] = others[randomInt(random, others.length)] as string;
      return replaced;
    },
  ];
  const first = randomInt(random, edits.length);
  for (let k = 0; k < edits.length; k++) {
    const typo = (edits[(first + k) % edits.length] as () => string[])().join("");
    if (typo !== word) return typo;
  }
  return `${word}x`;
}

/** A pronounceable-looking word no corpus has: `length` letters, consonant-heavy, with a q or z. */
export function nonsenseWord(random: Random, length: number): string {
  const rare = "qxzj";
  let word = rare[randomInt(random, rare.length)] as string;
  while (word.length < length) word += LETTERS[randomInt(random, LETTERS.length)] as string;
  return word;
}

/** Words of a text: runs of letters, lower-cased. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []) as string[];
}

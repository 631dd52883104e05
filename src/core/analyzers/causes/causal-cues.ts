import { type CompiledEntry, compileLexicon, cueEndInContext } from "./compile-lexicon.js";
import { CUE_LEXICON, type CueRole } from "./cue-lexicon.js";
import { foldForMatching, originalOffset } from "./fold-for-matching.js";

export type { CueEntry, CueRole } from "./cue-lexicon.js";

/**
 * The score from which a sentence counts as stating a cause or an effect.
 * Any cue of weight ≥ 0.5 reaches it alone ("after", "because", "prompting"); weaker
 * ones ("since", "amid", "over", "to prevent") need company. On the Causal News
 * Corpus a lower threshold (0.3–0.4) gains recall at little cost in precision, but
 * the cues it admits are the ones that Reuters-21578 shows to be mostly non-causal
 * in general news; `scripts/eval-causes.ts` prints the sweep.
 */
export const CAUSAL_THRESHOLD = 0.5;

/** A causal cue found in a sentence. */
export interface CausalCue {
  /** The cue as written, e.g. "in response to", "Prompting", "days after". */
  text: string;
  /** Offsets of the cue in the sentence: `[start, end)`. */
  start: number;
  end: number;
  /** The lexicon entry that matched (its `key`). */
  key: string;
  /** Which side of the sentence the cue points at. */
  role: CueRole;
  /** The entry's weight, 0..1. */
  weight: number;
}

/** How strongly a sentence states a cause or an effect, and the cues that say so. */
export interface CausalSignal {
  /** 0 (no causal language) to 1 (explicit cause/effect). */
  score: number;
  /** The cue phrases found, as written, in order. */
  cues: string[];
  /** The same cues with offsets, role and weight. */
  matches: CausalCue[];
}

const LEXICON = compileLexicon(CUE_LEXICON);
const WHITESPACE = /\s+/g;

/**
 * Scores a sentence for causal language (because, after, in response to, prompting, …)
 * in one pass of a precompiled regular expression over its accent-folded text; the
 * few phrases found are then checked against their entry's context conditions
 * ("due to" but not "due to be"). Case-insensitive, word-boundary aware; curly
 * apostrophes and quotes are straightened.
 *
 * The score combines the weights of the distinct lexicon entries found as a noisy-or,
 * `1 − Π(1 − weight)`: one strong cue is enough, several weak ones add up.
 */
export function causalSignal(sentence: string): CausalSignal {
  const folded = foldForMatching(sentence);
  const matches: CausalCue[] = [];
  const counted: number[] = [];
  let remaining = 1;
  const text = folded.text;
  const pattern = LEXICON.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const matchStart = m.index;
    const phraseEnd = matchStart + m[0].length;
    let owner: CompiledEntry | undefined;
    let matchEnd = -1;
    for (const candidate of LEXICON.byPhrase.get(m[0].toLowerCase().replace(WHITESPACE, " ")) ?? []) {
      matchEnd = cueEndInContext(candidate, text, matchStart, phraseEnd);
      if (matchEnd !== -1) {
        owner = candidate;
        break;
      }
    }
    if (owner === undefined) {
      // Context ruled the phrase out ("due to be"); look on from the next word.
      pattern.lastIndex = matchStart + 1;
      continue;
    }
    pattern.lastIndex = matchEnd;
    const { entry, index } = owner;
    const start = originalOffset(folded, matchStart);
    const end = originalOffset(folded, matchEnd);
    matches.push({
      text: sentence.slice(start, end),
      start,
      end,
      key: entry.key,
      role: entry.role,
      weight: entry.weight,
    });
    // A cue repeated ("after … after") says no more than once.
    if (!counted.includes(index)) {
      counted.push(index);
      remaining *= 1 - entry.weight;
    }
  }
  // Rounded so that equal cue sets give equal, printable scores (0.85, not 0.8499999999999999).
  const score = Math.round((1 - remaining) * 10_000) / 10_000;
  return { score, cues: matches.map((cue) => cue.text), matches };
}

/** True when a signal reaches `CAUSAL_THRESHOLD`. */
export function isCausal(signal: CausalSignal): boolean {
  return signal.score >= CAUSAL_THRESHOLD;
}

import { type CausalCue, type CausalSignal, causalSignal } from "./causal-cues.js";

/** Where a topic sits relative to a sentence's causal cues. */
export type TopicSide = "effect" | "cause" | "none";

/** A place in a sentence: `[start, end)`, e.g. a `TokenSpan` of a topic word. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** What `topicCausalSide` found. */
export interface TopicSideResult {
  /** "effect" when the topic is what the sentence explains, "cause" when it is the explanation. */
  side: TopicSide;
  /** The cue that decided, or null when side is "none". */
  cue: CausalCue | null;
  /**
   * A small ranking bonus to add to the causal score, 0..`MAX_EFFECT_SIDE_BOOST`: the
   * cue's weight times the maximum for a topic on the effect side of a marker, half
   * that for a topic in a sentence that reports a reaction, 0 otherwise.
   */
  boost: number;
}

/** The largest `boost` that `topicCausalSide` gives. */
export const MAX_EFFECT_SIDE_BOOST = 0.2;

const NONE: Readonly<TopicSideResult> = Object.freeze({ side: "none", cue: null, boost: 0 });

// Words that may precede a cue that still opens its clause ("Shortly after …", "But because …").
const CLAUSE_OPENERS = new Set(
  (
    "and but yet so or then that which who while when whereas although though even just only " +
    "shortly soon immediately partly largely mainly mostly probably perhaps possibly apparently " +
    "reportedly allegedly also however moreover instead again hours days weeks months years " +
    "minutes moments a an the one two three four five few several"
  ).split(" "),
);

const WORDS = /[\p{L}\p{N}]+/gu;

interface Regions {
  cause: TextRange;
  /** The effect may surround the cause clause ("The visa, after …, was revoked"). */
  effect: readonly TextRange[];
}

/**
 * Says whether a topic sits on the effect side of a causal cue in a sentence, so
 * that `/why visa` can prefer "The U.S. revoked … visa after he called for …"
 * (visa is what is explained) over "He called for … after the visa was revoked".
 *
 * Heuristic, per cue, within the clause that holds it (clauses end at "; " and ": "):
 * - a **cause marker** ("after", "because of", "fearing") introduces the cause. When
 *   it opens its clause (at the start, after a comma, or after only words like "but",
 *   "shortly", "that"), the cause runs to the next comma and the effect is the rest of
 *   the clause ("Fearing repercussions, Petro reversed course"); otherwise the effect
 *   is before the cue and the cause after it ("revoked the visa after he called…").
 * - an **effect marker** ("prompting", "led to", "as a result") has the cause before
 *   it and the effect after it ("halted flights, prompting tariff threats").
 * - a **reaction** noun ("retaliation", "backlash") makes the whole sentence an
 *   effect, with half the boost, when no marker placed the topic.
 * - an **explanation** noun ("reasons", "blamed") places nothing.
 *
 * A topic of several words is on a side when most of its words are. Among cues that
 * put the topic on the effect side, the heaviest decides; failing that, the heaviest
 * that puts it on the cause side. Known misses: nested causes ("after X caused Y"),
 * commas inside a fronted cause clause, and causes in the previous sentence.
 *
 * @param sentence the sentence, as given to `causalSignal`
 * @param topic offsets of the topic words in the sentence
 * @param signal `causalSignal(sentence)` if already computed
 */
export function topicCausalSide(
  sentence: string,
  topic: readonly TextRange[],
  signal: CausalSignal = causalSignal(sentence),
): TopicSideResult {
  if (topic.length === 0 || signal.matches.length === 0) return { ...NONE };
  let effectCue: CausalCue | null = null;
  let causeCue: CausalCue | null = null;
  let reactionCue: CausalCue | null = null;
  for (const cue of signal.matches) {
    if (cue.role === "explanation") continue;
    if (cue.role === "reaction") {
      if (reactionCue === null || cue.weight > reactionCue.weight) reactionCue = cue;
      continue;
    }
    const regions = cueRegions(sentence, cue);
    let effectVotes = 0;
    let causeVotes = 0;
    for (const word of topic) {
      if (word.start < cue.end && word.end > cue.start) continue; // the topic word is the cue itself
      if (regions.effect.some((region) => inside(word, region))) effectVotes++;
      else if (inside(word, regions.cause)) causeVotes++;
    }
    if (effectVotes > causeVotes && effectVotes * 2 >= topic.length) {
      if (effectCue === null || cue.weight > effectCue.weight) effectCue = cue;
    } else if (causeVotes > effectVotes && causeVotes * 2 >= topic.length) {
      if (causeCue === null || cue.weight > causeCue.weight) causeCue = cue;
    }
  }
  if (effectCue !== null) {
    return { side: "effect", cue: effectCue, boost: round(MAX_EFFECT_SIDE_BOOST * effectCue.weight) };
  }
  if (causeCue !== null) return { side: "cause", cue: causeCue, boost: 0 };
  if (reactionCue !== null) {
    return {
      side: "effect",
      cue: reactionCue,
      boost: round((MAX_EFFECT_SIDE_BOOST / 2) * reactionCue.weight),
    };
  }
  return { ...NONE };
}

/** True when `topicCausalSide` puts the topic on the effect side. */
export function topicIsEffect(sentence: string, topic: readonly TextRange[], signal?: CausalSignal): boolean {
  return topicCausalSide(sentence, topic, signal).side === "effect";
}

function cueRegions(sentence: string, cue: CausalCue): Regions {
  const clause = clauseAround(sentence, cue);
  if (cue.role === "effect-marker") {
    return { cause: { start: clause.start, end: cue.start }, effect: [{ start: cue.end, end: clause.end }] };
  }
  if (!opensClause(sentence, clause.start, cue.start)) {
    return { cause: { start: cue.end, end: clause.end }, effect: [{ start: clause.start, end: cue.start }] };
  }
  const comma = sentence.indexOf(",", cue.end);
  const causeEnd = comma === -1 || comma >= clause.end ? clause.end : comma;
  return {
    cause: { start: cue.end, end: causeEnd },
    effect: [
      { start: clause.start, end: cue.start },
      { start: causeEnd, end: clause.end },
    ],
  };
}

function clauseAround(sentence: string, cue: CausalCue): TextRange {
  let start = 0;
  for (const boundary of ["; ", ": "]) {
    const before = sentence.lastIndexOf(boundary, cue.start - 1);
    if (before !== -1 && before + 1 > start) start = before + 1;
  }
  let end = sentence.length;
  for (const boundary of ["; ", ": "]) {
    const after = sentence.indexOf(boundary, cue.end);
    if (after !== -1 && after < end) end = after;
  }
  return { start, end };
}

// True when only punctuation or clause-opening words stand between the clause start
// (or the last comma) and the cue.
function opensClause(sentence: string, clauseStart: number, cueStart: number): boolean {
  const comma = sentence.lastIndexOf(",", cueStart - 1);
  const from = comma >= clauseStart ? comma + 1 : clauseStart;
  const lead = sentence.slice(from, cueStart).toLowerCase();
  for (const [word] of lead.matchAll(WORDS)) {
    if (!CLAUSE_OPENERS.has(word)) return false;
  }
  return true;
}

function inside(word: TextRange, region: TextRange): boolean {
  const middle = (word.start + word.end) / 2;
  return middle >= region.start && middle < region.end;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

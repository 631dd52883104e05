import { type CausalSignal, causalSignal } from "./causal-cues.js";

/** How a neighbouring sentence gives the cause of the one before or after it. */
export type NeighbourLink = "anaphor" | "connective";

/** A cause found in the sentence next to an effect. */
export interface NeighbourCause {
  /** Which neighbour states the cause. */
  direction: "next" | "previous";
  link: NeighbourLink;
  /** The words that tie the two: "His decision came in response to", "As a result". */
  text: string;
  /** 0..1: how clearly the neighbour states a cause. */
  score: number;
}

// ASCII patterns without the `u` flag: they run on the sentences around every /why match.
// A subject that takes up the sentence before: "His decision", "The move", "This",
// "That step", "Such a measure", "It".
const BACK_REFERENCE =
  /^(?:(?:But|And|Yet|However|Still),?\s+)?(?:(?:his|her|its|their|the|this|that|such\s+an?)\s+(?:(?:[a-z]+-)?[a-z]+\s+){0,2}?(?:decision|move|step|measure|action|actions|announcement|order|ban|block|refusal|reversal|retreat|change|shift|choice|call|remarks?|comments?|statement|response|reaction|decree|sanctions?|policy|plan|ruling|threat|defiance|outburst|revocation|suspension|cuts?|hikes?|tariffs?)|this|that)\b/i;
// Verbs and phrases that, after such a subject, give its cause: "came in response to",
// "followed", "was prompted by", "was because", "stemmed from", "was a reaction to".
// Not "is after accounting for…", "was after tax": a figure's reckoning, not a cause.
const CAUSE_PREDICATE =
  /^[^.;:]{0,60}?\b(?:came|come|comes|was|is|were)\s+(?:in\s+response\s+to|in\s+reaction\s+to|in\s+retaliation\s+for|after(?!\s+(?:[a-z]+ing|tax|taxes)\b)|amid|because|due\s+to|a\s+(?:response|reaction|reply)\s+to|prompted\s+by|triggered\s+by|driven\s+by|sparked\s+by|motivated\s+by)\b|^[^.;:]{0,60}?\b(?:followed|follows|stemmed\s+from|stems\s+from|resulted\s+from|results\s+from|was\s+meant\s+to|aimed\s+to|responded\s+to)\b/i;
// An effect sentence that points back at the sentence before as its cause: "As a result,",
// "In response,", "Consequently", "In retaliation, …", "Retaliation followed".
const RESULT_OPENING =
  /^(?:(?:as\s+a\s+(?:result|consequence)|in\s+(?:response|reply|retaliation|return)(?!\s+(?:to|for|of)\b)|consequently|therefore|hence|accordingly|so(?!\s+(?:far|much|many|long|that|as|too)\b)|because\s+of\s+(?:this|that|it))\b,?|[^.;:]{0,40}?\b(?:retaliation|response|reprisal|backlash|fallout)\s+(?:followed|came|was\s+(?:swift|immediate)))/i;

/**
 * Whether the sentence after an effect states its cause, tied to it by an anaphor and a
 * causal predicate: "Petro ordered two deportation flights turned back. **His decision
 * came in response to** reports that…" or "…turned back. **The move followed** …".
 */
export function causeInNext(
  next: string,
  signal: CausalSignal = causalSignal(next),
): NeighbourCause | undefined {
  const reference = BACK_REFERENCE.exec(next);
  if (reference === null) return undefined;
  const predicate = CAUSE_PREDICATE.exec(next.slice(reference[0].length));
  if (predicate === null) return undefined;
  const strongest = signal.matches.reduce(
    (best, cue) => Math.max(best, cue.role === "cause-marker" ? cue.weight : 0),
    0,
  );
  return {
    direction: "next",
    link: "anaphor",
    text: next.slice(0, reference[0].length + predicate[0].length).trim(),
    score: Math.max(0.6, strongest),
  };
}

/**
 * Whether an effect sentence points back at the one before as its cause: "As a result,
 * …", "In response, …", "Economic pressure retaliation followed, with…".
 */
export function causeInPrevious(effect: string): NeighbourCause | undefined {
  const connective = RESULT_OPENING.exec(effect);
  if (connective === null) return undefined;
  return { direction: "previous", link: "connective", text: connective[0].trim(), score: 0.6 };
}

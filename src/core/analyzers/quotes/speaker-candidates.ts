import {
  AUXILIARIES,
  PERSON_PRONOUNS,
  PREPOSITIONS,
  REPORTING_VERBS,
  SPEECH_NOUNS,
} from "../../text/lexicon.js";
import type { ResolvedMention } from "../entities/entity-index.js";

/** Something in a sentence that can be a speaker: a name, a pronoun, "who", or a description. */
export interface Candidate {
  kind: "name" | "pronoun" | "relative" | "description";
  start: number;
  end: number;
  text: string;
  mention?: ResolvedMention;
  /** For descriptions: "the"/"a"/"an" or a possessor ("Colombia’s leader"). */
  definite?: boolean;
}

const ROLE_NOUNS =
  "official|officials|leader|president|minister|spokesman|spokeswoman|spokesperson|source|diplomat|aide|adviser|advisor|analyst|lawmaker|senator|governor|ambassador|secretary|envoy|negotiator|executive|chairman|trader|dealer|economist|prosecutor|lawyer|attorney|witness|resident|activist";
const DESCRIPTION = new RegExp(
  `\\b(?:(the|a|an|one)\\s+((?:[\\p{L}’'-]+\\s+){0,3}?)|(\\p{Lu}[\\p{L}-]*)['’]s\\s+)(?:${ROLE_NOUNS})\\b`,
  "giu",
);
const PRONOUN = /\b(he|she|He|She)\b/gu;
const RELATIVE = /,\s+(who)\b/gu;

/** Every speaker candidate of a sentence, in order of position. */
export function speakerCandidates(sentence: string, mentions: readonly ResolvedMention[]): Candidate[] {
  const candidates: Candidate[] = mentions.map((mention) => ({
    kind: "name",
    start: mention.describedStart ?? mention.start,
    end: mention.end + (mention.possessive ? 2 : 0),
    text: mention.described ?? mention.name,
    mention,
  }));
  const taken = (start: number, end: number) => candidates.some((c) => start < c.end && end > c.start);
  for (const m of sentence.matchAll(DESCRIPTION)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end)) continue;
    const article = m[1]?.toLowerCase();
    candidates.push({
      kind: "description",
      start: m.index,
      end,
      text: m[0],
      definite: article === "the" || !!m[3],
    });
  }
  for (const m of sentence.matchAll(PRONOUN)) {
    candidates.push({ kind: "pronoun", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of sentence.matchAll(RELATIVE)) {
    const start = m.index + m[0].length - 3;
    candidates.push({ kind: "relative", start, end: start + 3, text: "who" });
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/** The word after a candidate, lower-cased. */
function wordAfter(sentence: string, candidate: Candidate): string {
  return /^\s+([\p{L}’'-]+)/u.exec(sentence.slice(candidate.end))?.[1]?.toLowerCase() ?? "";
}

/** The word before a candidate, lower-cased. */
function wordBefore(sentence: string, candidate: Candidate): string {
  return /([\p{L}’'-]+)\s*$/u.exec(sentence.slice(0, candidate.start))?.[1]?.toLowerCase() ?? "";
}

/** True when the word reads as a verb right after a subject ("opted", "has", "takes", "said"). */
export function isVerbLike(word: string): boolean {
  if (word === "" || PERSON_PRONOUNS.has(word)) return false;
  if (AUXILIARIES.has(word) || REPORTING_VERBS.has(word)) return true;
  if (PREPOSITIONS.has(word) || /^(and|or|but|who|which|that|the|a|an)$/u.test(word)) return false;
  return /(?:ed|[^s'’]s)$/u.test(word) && word.length > 3;
}

/**
 * The subject of a sentence's main clause: the first candidate that a verb
 * follows and no preposition precedes ("unlike Sheinbaum, …, Petro opted" →
 * Petro); a possessor of speech ("Petro’s words …") counts as its speaker.
 */
export function sentenceSubject(sentence: string, candidates: readonly Candidate[]): Candidate | undefined {
  for (const candidate of candidates) {
    if (candidate.kind === "relative") continue;
    if (PREPOSITIONS.has(wordBefore(sentence, candidate))) continue;
    const next = wordAfter(sentence, candidate);
    if (candidate.mention?.possessive && SPEECH_NOUNS.has(next)) return candidate;
    if (candidate.mention?.possessive) continue;
    if (isVerbLike(next)) return candidate;
    // "Petro, undeterred, returns …": a name opening the sentence, then an aside.
    if (candidate.start === 0 && /^,\s[^,]{1,40},\s+\p{Ll}/u.test(sentence.slice(candidate.end)))
      return candidate;
  }
  return undefined;
}

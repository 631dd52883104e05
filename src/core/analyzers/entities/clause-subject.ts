import {
  AUXILIARIES,
  PERSON_PRONOUNS,
  PREPOSITIONS,
  REPORTING_VERBS,
  SPEECH_NOUNS,
} from "../../text/lexicon.js";
import type { ReferringExpression } from "./referring-expressions.js";

// Where a person is from, after the name: "Diana Moreno of Lakeview College agreed".
const OF_PLACE = /^\s+of(?:\s+the)?(?:\s+\p{Lu}[\p{L}.’'-]*){1,4}(?=\s|$)/u;

// When a sentence's subject did it, between the subject and its verb: "Trump on Thursday ratcheted up".
const TIME_PHRASE =
  /^\s+(?:on|last|this|early|late|earlier|later)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening|weekend)\b|(?:this|last)\s+(?:week|month|year))(?:\s+(?:morning|afternoon|evening|night))?(?=\s)/u;

/** The word after an expression, past adverbs ("Cruz openly admitted" → "admitted"). */
function wordAfterAdverbs(sentence: string, expression: ReferringExpression): string {
  let rest = sentence.slice(expression.end).replace(OF_PLACE, " ");
  const time = TIME_PHRASE.exec(rest);
  if (time) rest = rest.slice(time[0].length);
  const words =
    /^\s+((?:(?:[\p{L}’'-]+ly|also|earlier|later|then|still|once|again|now|already|never|even|just|first|last|himself|herself|themselves|itself)\s+){0,2})([\p{L}’'-]+)/u.exec(
      rest,
    );
  return words?.[2]?.toLowerCase() ?? "";
}

/** The word before an expression, lower-cased. */
function wordBefore(sentence: string, expression: ReferringExpression): string {
  return /([\p{L}’'-]+)\s*$/u.exec(sentence.slice(0, expression.start))?.[1]?.toLowerCase() ?? "";
}

// Past tenses without "-ed" that news sentences open with ("Ruiz spoke", "Okafor met").
const IRREGULAR_PAST = new Set(
  "spoke met went took made won ran gave came got left lost held led sent wrote began thought knew saw sat stood brought bought kept felt found became chose drove flew fought hit put set shot struck swore spent sought taught threw understood withdrew".split(
    " ",
  ),
);

/** True when the word reads as a verb right after a subject ("opted", "has", "takes", "said"). */
export function isVerbLike(word: string): boolean {
  if (word === "" || PERSON_PRONOUNS.has(word)) return false;
  if (AUXILIARIES.has(word) || REPORTING_VERBS.has(word) || IRREGULAR_PAST.has(word)) return true;
  if (/^(?:did|does|do|was|is|were|are|has|had|have|would|could|should|wo|ca)n[’']t$/u.test(word))
    return true;
  if (PREPOSITIONS.has(word) || /^(and|or|but|who|which|that|the|a|an)$/u.test(word)) return false;
  return /(?:ed|[^s'’]s)$/u.test(word) && word.length > 3;
}

/**
 * The subject of a sentence's main clause: the first expression that a verb follows
 * and no preposition precedes ("unlike Sheinbaum, …, Petro opted" → Petro); a
 * possessor of speech ("Petro’s words …") counts as its speaker.
 */
export function sentenceSubject<E extends ReferringExpression>(
  sentence: string,
  expressions: readonly E[],
): E | undefined {
  let first = true;
  for (const expression of expressions) {
    if (expression.kind === "relative") continue;
    const opening = first;
    // "North Carolina’s Ada Fisher, one of …, said": a possessor only qualifies the name after it.
    if (!expression.mention?.possessive) first = false;
    const before = wordBefore(sentence, expression);
    if (PREPOSITIONS.has(before)) continue;
    // "the Paris attacks": a name after "the" is a modifier unless it is someone's own name.
    if (before === "the" && expression.kind === "name" && expression.mention?.entity.kind !== "organization")
      continue;
    const next = wordAfterAdverbs(sentence, expression);
    const possessive = expression.mention?.possessive === true;
    if (possessive && SPEECH_NOUNS.has(next)) return expression;
    if (possessive) continue;
    if (isVerbLike(next)) return expression;
    // "Petro, undeterred, returns …", "Meanwhile Ruiz, who won, said …": the sentence's first
    // name, then an aside; "Sen. Ada Lee (D-Md.) said": a party and state.
    const rest = sentence.slice(expression.end);
    if ((opening || onlyModifiersBefore(sentence, expression)) && /^,\s[^,]{1,120},\s+\p{Ll}/u.test(rest))
      return expression;
    // "Rep. Devin Nunes (R-Calif.), chairman of the committee, didn’t …": a party, then an aside.
    const party = /^\s*\([^()]{1,24}\)(?:,\s[^,]{1,120},)?/u.exec(rest);
    if (
      party &&
      isVerbLike(/^[\s,]+([\p{L}’'-]+)/u.exec(rest.slice(party[0].length))?.[1]?.toLowerCase() ?? "")
    )
      return expression;
  }
  return undefined;
}

/** "Obama consultant Cornell Belcher, a pollster, said": only words qualifying the name stand before it. */
function onlyModifiersBefore(sentence: string, expression: ReferringExpression): boolean {
  const before = sentence.slice(0, expression.start);
  if (/[,;:()]/u.test(before)) return false;
  const words = before.toLowerCase().match(/[\p{L}’'-]+/gu) ?? [];
  return words.length <= 4 && !words.some((w) => isVerbLike(w) || PREPOSITIONS.has(w) || w === "that");
}

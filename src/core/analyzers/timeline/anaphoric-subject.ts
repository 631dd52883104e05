/** Who an anaphoric subject can stand for: a person ("he", "she") or a thing ("it", "the company"). */
export type AnaphorKind = "person" | "thing";

/** An anaphoric subject at the opening of a sentence. */
export interface AnaphoricSubject {
  kind: AnaphorKind;
  /** The words as written: "He", "The company", "Its". */
  text: string;
  /** The noun of a description ("company" in "The company"), lower-case; absent for a pronoun. */
  noun?: string;
}

// ASCII patterns without the `u` flag: they run on the sentence after every topic match.
// An opening phrase may come first ("In 1986 he bought…", "One year later, he founded…",
// "However, the company said…"): a few words, no verb we can see, before the subject.
const OPENING = String.raw`(?:(?:[A-Z][\w'’-]*|[a-z][\w'’-]*|\d[\d,.]*)(?:\s+|,\s*)){0,5}?`;
const PERSON = new RegExp(String.raw`^${OPENING}(he|she|his|her)\b`, "i");
const THING = new RegExp(
  String.raw`^${OPENING}(it|its)\b(?!\s+(?:is|was)\s+(?:not\s+)?(?:clear|unclear|likely|unlikely|possible|expected|thought|believed|said|reported|time|hard|easy|important|true)\b)`,
  "i",
);
// Nouns that describe an organisation or a product the story is about.
const DESCRIPTION = new RegExp(
  String.raw`^${OPENING}(?:the|this)\s+(?:(?:new|latest|same|former|giant|technology|tech|software|computer|record|music|online|mobile)\s+){0,2}(company|firm|group|corporation|concern|maker|manufacturer|producer|retailer|chain|airline|carrier|bank|lender|insurer|label|store|shop|service|device|phone|handset|player|product|model|gadget|network|site|platform|brand|studio|agency|unit|subsidiary|[a-z]*maker)\b`,
  "i",
);
// Words that, right before the pronoun, show it is not the subject ("to him", "of his").
const NOT_SUBJECT_BEFORE = /\b(?:to|of|for|with|by|from|than|about|against|like|and|or)\s*$/i;

/**
 * The anaphoric subject a sentence opens with, if any: a pronoun ("He", "In 1986 he",
 * "Its shares") or a definite description of an organisation or product ("The company",
 * "The new device", or "The new iPhone" when the topic's name holds "iPhone"). Pronouns in an opening prepositional phrase ("For him, …") and
 * impersonal "it" ("It is unclear whether…") are not subjects.
 */
export function anaphoricSubject(
  sentence: string,
  topicWords: readonly string[] = [],
): AnaphoricSubject | undefined {
  const head = sentence.slice(0, 80);
  for (const [pattern, kind] of [
    [PERSON, "person"],
    [THING, "thing"],
  ] as const) {
    const match = pattern.exec(head);
    if (match === null) continue;
    const word = match[1] ?? "";
    const before = match[0].slice(0, match[0].length - word.length);
    if (NOT_SUBJECT_BEFORE.test(before)) continue;
    // "her" alone is as often an object as a possessive: only "her" + a noun counts.
    if (word.toLowerCase() === "her" && !/^\s+[a-z]/.test(head.slice(match[0].length))) continue;
    return { kind, text: word };
  }
  const description = DESCRIPTION.exec(head) ?? topicDescription(head, topicWords);
  if (description !== null && !NOT_SUBJECT_BEFORE.test(description[0].slice(0, description.index))) {
    const noun = (description[1] ?? "").toLowerCase();
    const start = description[0].search(/\b(?:the|this)\s/i);
    return { kind: "thing", text: description[0].slice(start), noun };
  }
  return undefined;
}

// "The new iPhone" after "iPhone 4", "The store" after "iTunes store": a definite
// description whose noun is a word of the topic's name.
function topicDescription(head: string, topicWords: readonly string[]): RegExpExecArray | null {
  const words = topicWords.filter((w) => /^[a-z][a-z-]{2,}$/i.test(w));
  if (words.length === 0) return null;
  const pattern = String.raw`^${OPENING}(?:the|this)\s+(?:[a-z]+\s+){0,2}?(${words.join("|")})\b`;
  return new RegExp(pattern, "i").exec(head);
}

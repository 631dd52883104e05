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
// Nouns that describe an organisation or a product the story is about, after up to two
// modifiers of any trade ("the Dutch-based oil company", "the new device") — but not one
// that points at another ("the rival company", "the parent group", "the other bank").
const OTHER_ONE =
  "rival|other|another|competing|competitor|acquired|acquiring|target|targeted|parent|merged|smaller|larger|bigger|buying|selling|first|second|third|both|each|either|neither|two|three";
const DESCRIPTION = new RegExp(
  String.raw`^${OPENING}(?:the|this)\s+(?:(?!(?:${OTHER_ONE})\s)[a-z]+(?:-[a-z]+)?\s+){0,2}(company|firm|group|corporation|concern|conglomerate|maker|manufacturer|producer|supplier|operator|developer|publisher|retailer|chain|airline|carrier|bank|lender|insurer|utility|miner|refiner|label|store|shop|service|device|phone|handset|player|product|model|gadget|network|site|platform|brand|studio|agency|unit|subsidiary|[a-z]*maker)\b`,
  "i",
);
// Words that, right before the pronoun, show it is not the subject ("to him", "of his").
const NOT_SUBJECT_BEFORE = /\b(?:to|of|for|with|by|from|than|about|against|like|and|or)\s*$/i;
// A sentence opening with a determiner opens with its subject ("The rival company cut its
// prices"): a later pronoun or description is its subject only after an opening phrase
// set off by a comma ("The next day, he resigned").
const DETERMINER_FIRST = /^(?:the|a|an|this|that|these|those)\s/i;

function openingAllowed(head: string, before: string): boolean {
  return before.trim() === "" || !DETERMINER_FIRST.test(head) || before.includes(",");
}

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
    if (NOT_SUBJECT_BEFORE.test(before) || !openingAllowed(head, before)) continue;
    // "her" alone is as often an object as a possessive: only "her" + a noun counts.
    if (word.toLowerCase() === "her" && !/^\s+[a-z]/.test(head.slice(match[0].length))) continue;
    return { kind, text: word };
  }
  const description = DESCRIPTION.exec(head) ?? topicDescription(head, topicWords);
  // The determiner of the noun itself, not one the opening phrase may hold.
  const nounAt = description === null ? -1 : description[0].length - (description[1] ?? "").length;
  const start = description?.[0].slice(0, nounAt).search(/\b(?:the|this)\s+(?:\S+\s+){0,2}$/i) ?? -1;
  const before = description?.[0].slice(0, Math.max(0, start)) ?? "";
  if (description !== null && !NOT_SUBJECT_BEFORE.test(before) && openingAllowed(head, before)) {
    const noun = (description[1] ?? "").toLowerCase();
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

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
  const pronoun = pronounSubject(head);
  if (pronoun !== undefined) return pronoun;
  if (!DETERMINER_WORD.test(head)) return undefined;
  return descriptionSubject(head, DESCRIPTION.exec(head) ?? topicDescription(head, topicWords));
}

/**
 * What of `anaphoricSubject` no topic can change, decided once per sentence while
 * building: its subject when a pronoun or a description of any trade gives it (or
 * refuses it), else the words that, as a word of a topic, could make it open with a
 * description of that topic (`topicNouns`, lower-case; see `topicDescription`). A topic
 * none of whose words is among them leaves the sentence without an anaphoric subject.
 */
export function subjectBeforeTopic(sentence: string): {
  subject?: AnaphoricSubject;
  topicNouns: string[];
} {
  const head = sentence.slice(0, 80);
  const pronoun = pronounSubject(head);
  if (pronoun !== undefined) return { subject: pronoun, topicNouns: [] };
  if (!DETERMINER_WORD.test(head)) return { topicNouns: [] };
  const description = DESCRIPTION.exec(head);
  if (description === null) return { topicNouns: topicDescriptionNouns(head) };
  const subject = descriptionSubject(head, description);
  return subject === undefined ? { topicNouns: [] } : { subject, topicNouns: [] };
}

// Each pattern's word anywhere in the head: a quick scan that spares the anchored
// patterns most sentences (they can only match where it finds the word).
const PERSON_WORD = /\b(?:he|she|his|her)\b/i;
const THING_WORD = /\bits?\b/i;
const DETERMINER_WORD = /\b(?:the|this)\s/i;

function pronounSubject(head: string): AnaphoricSubject | undefined {
  for (const [pattern, scan, kind] of [
    [PERSON, PERSON_WORD, "person"],
    [THING, THING_WORD, "thing"],
  ] as const) {
    if (!scan.test(head)) continue;
    const match = pattern.exec(head);
    if (match === null) continue;
    const word = match[1] ?? "";
    const before = match[0].slice(0, match[0].length - word.length);
    if (NOT_SUBJECT_BEFORE.test(before) || !openingAllowed(head, before)) continue;
    // "her" alone is as often an object as a possessive: only "her" + a noun counts.
    if (word.toLowerCase() === "her" && !/^\s+[a-z]/.test(head.slice(match[0].length))) continue;
    return { kind, text: word };
  }
  return undefined;
}

function descriptionSubject(head: string, description: RegExpExecArray | null): AnaphoricSubject | undefined {
  if (description === null) return undefined;
  // The determiner of the noun itself, not one the opening phrase may hold.
  const nounAt = description[0].length - (description[1] ?? "").length;
  const start = description[0].slice(0, nounAt).search(/\b(?:the|this)\s+(?:\S+\s+){0,2}$/i);
  const before = description[0].slice(0, Math.max(0, start));
  if (NOT_SUBJECT_BEFORE.test(before) || !openingAllowed(head, before)) return undefined;
  const noun = (description[1] ?? "").toLowerCase();
  return { kind: "thing", text: description[0].slice(start), noun };
}

// "The new iPhone" after "iPhone 4", "The store" after "iTunes store": a definite
// description whose noun is a word of the topic's name.
function topicDescription(head: string, topicWords: readonly string[]): RegExpExecArray | null {
  const words = topicWords.filter(isTopicNoun);
  if (words.length === 0) return null;
  const alternatives = words.join("|");
  // One topic reads many sentences: its pattern is made once, not once a sentence.
  if (lastTopic?.alternatives !== alternatives) {
    const pattern = String.raw`^${OPENING}(?:the|this)\s+(?:[a-z]+\s+){0,2}?(${alternatives})\b`;
    lastTopic = { alternatives, pattern: new RegExp(pattern, "i") };
  }
  return lastTopic.pattern.exec(head);
}

let lastTopic: { alternatives: string; pattern: RegExp } | undefined;

/** Whether a word of a topic may be the noun of a description of it (see `topicDescription`). */
export function isTopicNoun(word: string): boolean {
  return /^[a-z][a-z-]{2,}$/i.test(word);
}

const OPENING_ONLY = new RegExp(`^${OPENING}$`, "i");
const DETERMINERS = /(?:the|this)\s+/gi;
const LETTERS = /[a-z]+/iy;
const SPACES = /\s+/y;
const NOUN_LETTERS = /[a-z-]*/iy;

/**
 * Every word W (lower-case) for which `topicDescription` would find a description in
 * `head` were W the topic's only word: after an opening phrase, "the" or "this", up to
 * two words, then W ending at a word boundary. A topic of several words finds one
 * exactly when one of its words would alone, so the set decides it.
 */
function topicDescriptionNouns(head: string): string[] {
  const nouns = new Set<string>();
  for (const determiner of head.matchAll(DETERMINERS)) {
    if (!OPENING_ONLY.test(head.slice(0, determiner.index))) continue;
    let word = determiner.index + determiner[0].length;
    for (let before = 0; before <= 2; before++) {
      NOUN_LETTERS.lastIndex = word;
      NOUN_LETTERS.test(head);
      if (/[a-z]/i.test(head[word] ?? "")) {
        for (let end = word + 3; end <= NOUN_LETTERS.lastIndex; end++) {
          if (isWordChar(head[end - 1]) !== isWordChar(head[end]))
            nouns.add(head.slice(word, end).toLowerCase());
        }
      }
      LETTERS.lastIndex = word;
      if (!LETTERS.test(head)) break;
      SPACES.lastIndex = LETTERS.lastIndex;
      if (!SPACES.test(head)) break;
      word = SPACES.lastIndex;
    }
  }
  return [...nouns];
}

// What `\b` counts as a word character (no `u` flag).
function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /\w/.test(char);
}

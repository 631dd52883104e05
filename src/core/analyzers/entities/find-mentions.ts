import { NAME_CONNECTORS, ORGANIZATION_WORDS, TITLE_WORDS } from "../../text/lexicon.js";
import { foldWord } from "../../text/terms.js";
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from "./given-names.js";

/** A capitalised name found in a sentence. */
export interface NameMention {
  /** Offsets of the name itself (titles excluded) in the sentence. */
  start: number;
  end: number;
  /** The name as written, without titles or a possessive ending. */
  name: string;
  /** The whole phrase when titles or a description stand before the name ("US Secretary of State Marco Rubio"). */
  described?: string;
  /** Offset where the described phrase starts. */
  describedStart?: number;
  /** A title word stood before the name: it names a person. */
  titled: boolean;
  /** An organisation word is part of the name ("State Department"). */
  organization: boolean;
  /** Written with a possessive ending ("Petro’s"). */
  possessive: boolean;
}

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
  capitalized: boolean;
  possessive: boolean;
}

const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s?$/u;
// Words that open sentences or clauses and are capitalised for that reason alone.
const LEADING_FUNCTION_WORDS = new Set(
  "the a an this that these those some many most several any each every no in on at but and or yet so however meanwhile still while when after before if as although though because since for with by from to of".split(
    " ",
  ),
);

/**
 * Finds capitalised names in a sentence and splits titles from names:
 * "Cuban President Miguel Díaz-Canel" → name "Miguel Díaz-Canel", titled.
 * `isProperWord(folded, alone)` says whether a capitalised word at the start of the sentence
 * is a name or just capitalised there; `alone` when no capitalised word follows it.
 */
export function findNameMentions(
  sentence: string,
  isProperWord: (folded: string, alone: boolean) => boolean,
): NameMention[] {
  const tokens = tokenizeForNames(sentence);
  const mentions: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run = nameRun(sentence, tokens, i, isProperWord);
    if (run.length === 0) {
      i++;
      continue;
    }
    i += run.length;
    const mention = toMention(sentence, trimLeading(run));
    if (mention) mentions.push(mention);
  }
  return mentions;
}

function tokenizeForNames(sentence: string): Token[] {
  return Array.from(sentence.matchAll(TOKEN), (m) => {
    const possessive = POSSESSIVE.test(m[0]) && /['’]/u.test(m[0]) && m[0].length > 2;
    const text = possessive ? m[0].replace(POSSESSIVE, "") : m[0];
    return {
      text,
      folded: foldWord(text),
      start: m.index,
      end: m.index + text.length,
      capitalized: /^\p{Lu}/u.test(text),
      possessive,
    };
  });
}

// Calendar words are capitalised but name no one.
const CALENDAR_WORDS = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(
    " ",
  ),
);

function isNameToken(
  sentence: string,
  token: Token,
  isProperWord: (folded: string, alone: boolean) => boolean,
  next: Token | undefined,
): boolean {
  if (!token.capitalized || CALENDAR_WORDS.has(token.folded)) return false;
  const before = sentence.slice(0, token.start).trim();
  // An opening mark starts a sentence; a closing one after a comma (“…,” Lew said) does not.
  const opensSentence =
    before === "" || /(?:[(—–:]|(?:^|[\s(—–:])[“"‘])$/u.test(before) || before.endsWith("“");
  if (!opensSentence || TITLE_WORDS.has(token.folded)) return true;
  // "Opinion polls see …", "Traders said …": a word opening the sentence on its own must be a
  // name by the corpus's own use of it; one that opens a run of names ("New York") need only
  // be seen capitalised mid-sentence.
  if (isProperWord(token.folded, next?.capitalized !== true)) return true;
  // "Norway, a major oil exporter, …", "Small, who attended": an aside marks the opening word as a name.
  if (/^,\s+(?:a|an|the|who)\s/u.test(sentence.slice(token.end))) return true;
  // "Paul Okafor declined …": a given name opening the sentence, before a capitalised word.
  if (
    next?.capitalized === true &&
    (MALE_GIVEN_NAMES.has(token.folded) || FEMALE_GIVEN_NAMES.has(token.folded))
  )
    return true;
  // "Cuban President …": an adjective opening the sentence belongs to the title after it.
  return next?.capitalized === true && TITLE_WORDS.has(next.folded);
}

function nameRun(
  sentence: string,
  tokens: Token[],
  from: number,
  isProperWord: (f: string, alone: boolean) => boolean,
): Token[] {
  const run: Token[] = [];
  for (let j = from; j < tokens.length; j++) {
    const token = tokens[j] as Token;
    const previous = run.at(-1);
    const gap = previous && sentence.slice(previous.end + (previous.possessive ? 2 : 0), token.start);
    // "Ms. Nadia Okafor", "Sen. Ted Cruz": a title's abbreviation point joins it to the name.
    if (
      previous &&
      gap !== undefined &&
      !/^\s+$/u.test(gap) &&
      !(/^\.\s+$/u.test(gap) && (TITLE_WORDS.has(previous.folded) || isMiddleInitial(run, previous)))
    )
      break;
    if (isNameToken(sentence, token, isProperWord, tokens[j + 1]) || isNamePart(run, token, tokens[j + 1])) {
      run.push(token);
      if (token.possessive && !TITLE_WORDS.has(tokens[j + 1]?.folded ?? "")) break;
      continue;
    }
    const next = tokens[j + 1];
    const connects =
      run.length > 0 &&
      NAME_CONNECTORS.has(token.text) &&
      next !== undefined &&
      isNameToken(sentence, next, isProperWord, tokens[j + 2]);
    if (!connects) break;
    run.push(token);
  }
  return run;
}

/** "Harry M. Reid": a single capital letter after a name's first word is its middle initial. */
function isMiddleInitial(run: readonly Token[], token: Token): boolean {
  return run.length >= 2 && /^\p{Lu}$/u.test(token.text);
}

// Month names that are also names ("Theresa May", "Ai Jun"), when they follow a name, not a date's number.
const NAME_LIKE_MONTHS = new Set("may june april august march jan mar jun".split(" "));

/** "Ai Jun", "Theresa May": a month word right after a name's first word is part of the name. */
function isNamePart(run: readonly Token[], token: Token, next: Token | undefined): boolean {
  const previous = run.at(-1);
  return (
    previous !== undefined &&
    !previous.possessive &&
    !TITLE_WORDS.has(previous.folded) &&
    !CALENDAR_WORDS.has(previous.folded) &&
    !LEADING_FUNCTION_WORDS.has(previous.folded) &&
    token.capitalized &&
    NAME_LIKE_MONTHS.has(token.folded) &&
    // "In April Japanese exports …", "Obama May 5": a date, not a name.
    next?.capitalized !== true &&
    !/^\d/u.test(next?.text ?? "")
  );
}

// Words that end the name of a state before "of …" ("Democratic Republic of Congo", "United States of America").
const STATE_WORDS = new Set("republic kingdom states emirates islands federation union".split(" "));

/**
 * True when the words before "of" read as a person's name ("Pete Domenici" of New Mexico):
 * capitalised, no organisation word, not a state's name.
 */
function personBeforeOf(words: readonly Token[]): boolean {
  return (
    !STATE_WORDS.has(words.at(-1)?.folded ?? "") &&
    words.every((t) => t.capitalized && !t.possessive && !ORGANIZATION_WORDS.has(t.folded))
  );
}

function trimLeading(run: Token[]): Token[] {
  let k = 0;
  while (k < run.length && LEADING_FUNCTION_WORDS.has((run[k] as Token).folded)) k++;
  return run.slice(k);
}

function toMention(sentence: string, whole: Token[]): NameMention | undefined {
  let run = whole;
  const first = run[0];
  if (!first || !run.at(-1)) return undefined;
  let nameFrom = 0;
  run.forEach((token, k) => {
    if (token.capitalized && TITLE_WORDS.has(token.folded) && k < run.length - 1) nameFrom = k + 1;
  });
  // "Chief of Staff Howard Baker": the title's "of …" belongs to the title.
  if (nameFrom > 0 && run[nameFrom]?.text === "of" && nameFrom + 2 < run.length) nameFrom += 2;
  while (nameFrom < run.length && NAME_CONNECTORS.has((run[nameFrom] as Token).text)) nameFrom++;
  // "Professor Dalia Moreno of Lakeview College": a person's full name ends before "of" and
  // the place or body after it (not "Bank of England", "Federal Reserve Bank of New York").
  const of = run.findIndex((t, k) => k >= nameFrom + 2 && t.text === "of");
  if (of > 0 && personBeforeOf(run.slice(nameFrom, of))) run = run.slice(0, of);
  // "White House Chief of Staff Howard Baker" is a person; "Foreign Ministry" stays an organisation.
  const organization = run.slice(nameFrom).some((t) => t.capitalized && ORGANIZATION_WORDS.has(t.folded));
  if (organization) nameFrom = 0;
  const nameStart = run[nameFrom];
  const last = run.at(-1);
  if (!nameStart || !last) return undefined;
  const name = sentence.slice(nameStart.start, last.end);
  if (name.length < 2 || (!organization && TITLE_WORDS.has(foldWord(name)))) return undefined;
  const mention: NameMention = {
    start: nameStart.start,
    end: last.end,
    name,
    titled: nameFrom > 0,
    organization,
    possessive: last.possessive,
  };
  if (nameFrom > 0) {
    mention.described = sentence.slice(first.start, last.end);
    mention.describedStart = first.start;
  }
  return mention;
}

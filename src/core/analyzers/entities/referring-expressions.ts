import type { ResolvedMention } from "./entity-index.js";

/**
 * Something in a sentence that can stand for a person or an organisation: a name, a
 * pronoun, "who", a description ("the Ohio governor", "an official") or a publication
 * noun ("the newspaper").
 */
export interface ReferringExpression {
  kind: "name" | "pronoun" | "relative" | "description" | "publication";
  start: number;
  end: number;
  text: string;
  mention?: ResolvedMention;
  /** For descriptions: "the" or a possessor ("Colombia’s leader"), rather than "a"/"an". */
  definite?: boolean;
}

/** Nouns of roles that describe a person who may speak. */
export const ROLE_NOUNS =
  "official|officials|leader|president|minister|spokesman|spokeswoman|spokesperson|source|sources|diplomat|aide|aides|adviser|advisor|analyst|lawmaker|senator|governor|congressman|congresswoman|candidate|nominee|ambassador|secretary|envoy|negotiator|executive|chairman|chairwoman|trader|dealer|economist|prosecutor|lawyer|attorney|witness|resident|activist|strategist|mayor|billionaire|businessman|businesswoman|mogul|frontrunner|front-runner|campaign|ministry|department|agency|committee|company|firm|group|organization|organisation|union|administration|government|pollster|expert|professor|researcher|author|director|manager|chief|host|anchor|judge|justice|speaker|representative";

/** Nouns for a news outlet, standing for the publication named before. */
export const PUBLICATION_NOUNS =
  "newspaper|paper|magazine|outlet|network|website|site|agency|news agency|broadcaster|station|daily|tabloid|channel|publication|journal";

const DESCRIPTION = new RegExp(
  `\\b(?:(the|a|an|one|another)\\s+((?:(?!(?:the|a|an|of|from|to|for|with|by|in|on|at)\\s)[\\p{L}’'.-]+\\s+){0,3}?)|(\\p{Lu}[\\p{L}-]*)['’]s\\s+((?:[\\p{L}’'.-]+\\s+){0,2}?))(?:${ROLE_NOUNS})\\b`,
  "giu",
);
const PUBLICATION = new RegExp(`\\bthe\\s+(?:[\\p{Ll}-]+\\s+)?(?:${PUBLICATION_NOUNS})\\b`, "gu");
const ANY_NOUN = new RegExp(`\\b(?:${ROLE_NOUNS}|${PUBLICATION_NOUNS})\\b`, "iu");
const PRONOUN = /\b(?:he|she|they|He|She|They)\b/gu;
const RELATIVE = /,\s+(who)\b/gu;
// What may stand between a name and its ", who": nothing, or a party and state ("Rep. Ada Lee (D-Md.)").
const AFTER_NAME = /^\s*(?:\([^()]{1,24}\))?$/u;

// Capitalised words that the name finder may take for a name at a clause's start but that name no one.
const NOT_NAMES = new Set(
  "it its there this that these those we i you they he she his her their our my your what who why how when where here yes no not".split(
    " ",
  ),
);

/**
 * Every referring expression of a sentence, in order of position. `mentions` are the
 * sentence's resolved names; pass only those outside quotation marks when the words
 * quoted are someone else's.
 */
export function referringExpressions(
  sentence: string,
  mentions: readonly ResolvedMention[],
): ReferringExpression[] {
  const found: ReferringExpression[] = [];
  for (const mention of mentions) {
    if (NOT_NAMES.has(mention.name.toLowerCase())) continue;
    found.push({
      kind: "name",
      start: mention.describedStart ?? mention.start,
      end: mention.end + (mention.possessive ? 2 : 0),
      text: mention.described ?? mention.name,
      mention,
    });
  }
  const taken = (start: number, end: number) => found.some((c) => start < c.end && end > c.start);
  // The description patterns are costly; most sentences have no role or outlet noun at all.
  const nouns = ANY_NOUN.test(sentence);
  for (const m of nouns ? sentence.matchAll(PUBLICATION) : []) {
    const end = m.index + m[0].length;
    if (!taken(m.index, end))
      found.push({ kind: "publication", start: m.index, end, text: m[0], definite: true });
  }
  for (const m of nouns ? sentence.matchAll(DESCRIPTION) : []) {
    const end = m.index + m[0].length;
    if (m[1] !== undefined && namesAsModifiers(found, m.index, end, sentence)) {
      // "the New Jersey governor", "the Clinton campaign": the names only qualify the role.
      for (let k = found.length - 1; k >= 0; k--) {
        const e = found[k] as ReferringExpression;
        if (e.start < end && e.end > m.index) found.splice(k, 1);
      }
    }
    if (taken(m.index, end)) continue;
    const article = m[1]?.toLowerCase();
    found.push({
      kind: "description",
      start: m.index,
      end,
      text: m[0],
      definite: article === "the" || !!m[3],
    });
  }
  for (const m of sentence.matchAll(PRONOUN)) {
    found.push({ kind: "pronoun", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of sentence.matchAll(RELATIVE)) {
    // "his show’s listeners, who wondered": "who" stands for a name only when it follows that name.
    const named = found.some(
      (e) => e.kind === "name" && AFTER_NAME.test(sentence.slice(e.end, m.index)) && e.end <= m.index,
    );
    if (!named) continue;
    const start = m.index + m[0].length - 3;
    found.push({ kind: "relative", start, end: start + 3, text: "who" });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * True when the names overlapping a description ("the New Jersey governor") all stand
 * inside it before its role noun, none possessive, and one name at least is there.
 */
function namesAsModifiers(
  found: readonly ReferringExpression[],
  start: number,
  end: number,
  sentence: string,
): boolean {
  const roleStart = sentence.slice(start, end).search(/\S+$/u) + start;
  const overlapping = found.filter((e) => e.start < end && e.end > start);
  return (
    overlapping.length > 0 &&
    overlapping.every(
      (e) => e.kind === "name" && e.start > start && e.end <= roleStart && !e.mention?.possessive,
    )
  );
}

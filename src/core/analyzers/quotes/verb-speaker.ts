import { PERSON_ROLE_NOUNS } from "../../text/lexicon.js";
import { isVerbLike } from "../entities/clause-subject.js";
import type { ReferringExpression } from "../entities/referring-expressions.js";
import type { ParagraphView } from "./paragraph-view.js";
import { BETWEEN_SPEAKER_AND_VERB } from "./speech-cues.js";

// A speaker, an aside, then the verb: Ada Lee, pastor of the church, said: “…”
const APPOSITION_THEN = /^,\s[^,;:“”"]{1,120},\s+(?:(?:[\p{Ll}]+ly|also|later|then|has|had)\s+)?$/u;
// Prepositions whose next name is an object ("speaking to the Daily Ledger said"); not "as" ("even as Okafor claimed").
const OBJECT_PREPOSITIONS = new Set(
  "to with for at on by from about against of like into toward towards upon than between among via".split(
    " ",
  ),
);
// A role right before a name set off by commas ("Ada Lee’s chief of staff, Tom Reyes,").
const ROLE_BEFORE = new RegExp(`\\b(?:${PERSON_ROLE_NOUNS}|staff)\\s*,\\s+$`, "u");
// Where a person is from, after the name: Diana Moreno of Lakeview College agreed.
const OF_PLACE = /^\s+of(?:\s+the)?(?:\s+\p{Lu}[\p{L}.’'-]*){1,4}(?=\s|$)/u;
// A party and state after a lawmaker's name: Rep. Ada Lee (D-Md.), chair of …, said
const PARENTHESIS = /^\s*\([^()]{1,24}\)/u;

/**
 * The expression a speech verb at `verbAt` belongs to: the nearest one before it, at or
 * after `from`, joined to it by nothing but adverbs, auxiliaries or an aside ("Ortiz also
 * said", "Lena Marsh, an economist at the bank, said", "Rep. Ada Lee (D-Md.) said").
 */
export function speakerJoinedToVerb(
  view: ParagraphView,
  verbAt: number,
  from: number,
): ReferringExpression | undefined {
  for (let i = view.expressions.length - 1; i >= 0; i--) {
    const e = view.expressions[i] as ReferringExpression;
    if (e.end > verbAt) continue;
    if (e.start < from) return undefined;
    // "speaking to Fox News said": a name after a preposition is no one's speaker.
    // "Ruiz’s comments": a possessor is not the subject of the word after it.
    if (e.mention?.possessive) continue;
    // "with the union calling her “the champion”": with a participle, "with" introduces its speaker.
    if (afterPreposition(view.masked, e.start) && !withParticiple(view.masked, e.start, verbAt)) continue;
    const between = view.masked.slice(e.end, verbAt).replace(PARENTHESIS, "").replace(OF_PLACE, "");
    // An aside may name others ("Okafor, speaking to the Ledger, said"): look past them,
    // unless the aside is a clause of its own ("In Alder, Okafor went after Ruiz, calling …").
    if (between === "" || BETWEEN_SPEAKER_AND_VERB.test(between)) return e;
    // "Ada Lee’s chief of staff, Tom Reyes, told …": a person's name set off by commas after a
    // role is the head of the phrase (not before a participle: "his rival, Ana Ruiz, saying").
    if (
      /^,\s+$/u.test(between) &&
      e.mention?.entity.kind === "person" &&
      ROLE_BEFORE.test(view.masked.slice(Math.max(from, e.start - 40), e.start)) &&
      !/^\p{L}+ing\b/u.test(view.masked.slice(verbAt))
    )
      return e;
    if (APPOSITION_THEN.test(between) && !hasOwnSubject(view, e.end, verbAt)) return e;
  }
  return undefined;
}

/** True when a preposition stands before an offset, past an article ("obtained by The Associated Press"). */
function afterPreposition(text: string, offset: number): boolean {
  const window = text.slice(Math.max(0, offset - 40), offset);
  // "a statement from the ministry said": the statement's author is its speaker.
  if (/\b(?:statement|letter|message|email|memo|release)\s+from\s+(?:the\s+)?$/u.test(window)) return false;
  const words = /([\p{L}’'-]+)\s+(?:([\p{L}’'-]+)\s+)?$/u.exec(window);
  const last = words?.[2]?.toLowerCase() ?? words?.[1]?.toLowerCase() ?? "";
  if (OBJECT_PREPOSITIONS.has(last)) return true;
  return /^(?:the|a|an)$/u.test(last) && OBJECT_PREPOSITIONS.has(words?.[1]?.toLowerCase() ?? "");
}

/** True when an expression between two offsets is followed by a verb: the stretch is a clause, not an aside. */
function hasOwnSubject(view: ParagraphView, from: number, to: number): boolean {
  // "Petrilli, who thinks the Obama administration erred, called …": a relative clause is an aside, whatever it holds.
  if (view.expressions.some((e) => e.kind === "relative" && e.start >= from && e.start < to)) return false;
  return view.expressions.some((e) => {
    // "Okafor, who also campaigned here, tweeted": a relative clause is an aside.
    if (e.start < from || e.end > to || e.kind === "relative") return false;
    const next = /^\s+(?:[\p{L}’'-]+ly\s+)?([\p{L}’'-]+)/u.exec(view.masked.slice(e.end, to))?.[1] ?? "";
    return isVerbLike(next.toLowerCase());
  });
}

/** "with the American Federation of Teachers calling …": "with", a name, then the -ing verb. */
function withParticiple(text: string, offset: number, verbAt: number): boolean {
  return (
    /\bwith\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, offset - 10), offset)) &&
    /^\p{L}+ing\b/u.test(text.slice(verbAt))
  );
}

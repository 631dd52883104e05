import type { ReferringExpression } from "../entities/referring-expressions.js";
import { clauseEnd, type ParagraphView } from "./paragraph-view.js";
import type { QuoteSpan } from "./quote-spans.js";
import { BETWEEN_SPEAKER_AND_VERB, isSpeechVerb } from "./speech-cues.js";
import { speakerJoinedToVerb } from "./verb-speaker.js";

// An aside after the speaker: “…,” Lena Marsh, an economist at the bank, said.
const APPOSITION = /^,\s[^,;:]{1,120},/u;

/**
 * The speaker named after the quote, in the same clause: “…,” X said / “…,” said X, an
 * economist who… / “…” X, a Democrat, added / “…,” according to X / “…?” she asked.
 * Nothing but punctuation may stand between the closing mark and the attribution.
 */
export function speakerAfterQuote(view: ParagraphView, span: QuoteSpan): ReferringExpression | undefined {
  // “… as soon as possible.” Ada Lee, the owner, said the firm …: a quoted sentence that
  // closes the reporter's sentence too leaves what follows to a new sentence.
  // Unless that sentence is nothing but an attribution: “… are missing.” Trump said.
  if (/[.]$/u.test(span.inner) && view.breaks.includes(span.close)) return attributionAlone(view, span.close);
  const end = clauseEnd(view, span.close);
  const first = view.expressions.find((e) => e.start >= span.close && e.start < end);
  if (!first) return undefined;
  const between = view.masked.slice(span.close, first.start);
  // "(Additional reporting by …)": a parenthesis after the quote is the reporter's, not an attribution.
  if (between.includes("(")) return undefined;
  // “…,” said X / “…,” said Ms. X / “…,” according to X
  const lead = /^[\s,—–-]*(?:([\p{L}]+)|according\s+to)\s+(?:\p{Lu}[\p{L}]*\.?\s+){0,2}$/u.exec(between);
  if (lead && (lead[1] === undefined || isSpeechVerb(lead[1]))) return first;
  if (!/^[\s,—–-]*$/u.test(between))
    return invertedSpeaker(view, span.close, end) ?? firstVerbSpeaker(view, span.close, end);
  // “…,” X said / “…,” X, an economist, said
  let rest = view.masked.slice(first.end, end);
  const aside = APPOSITION.exec(rest);
  if (aside) rest = rest.slice(aside[0].length);
  const verb = /^(\s+(?:[\p{Ll}]+\s+){0,3}?)([\p{L}]+)/u.exec(rest);
  if (verb && isSpeechVerb(verb[2] as string) && BETWEEN_SPEAKER_AND_VERB.test(verb[1] as string)) {
    // “…,” the party’s nominee, Donald Trump, tweeted: the name in the aside is the speaker.
    const named =
      aside && first.kind === "description"
        ? view.expressions.find(
            (e) => e.kind === "name" && e.start > first.end && e.end <= first.end + aside[0].length,
          )
        : undefined;
    return named ?? first;
  }
  return firstVerbSpeaker(view, span.close, end);
}

// How far after the quote its verb may stand: “…,” Ohio Rep. Ada Lee’s chief of staff, Tom Reyes, told …
const MAX_WORDS_TO_VERB = 14;

/** “…,” Ruiz spokesman Dan Oyelaran told …: the first speech verb after the quote and the speaker joined to it. */
function firstVerbSpeaker(view: ParagraphView, close: number, end: number): ReferringExpression | undefined {
  const words = view.masked.slice(close, end).matchAll(/[\p{L}’'-]+/gu);
  let count = 0;
  for (const word of words) {
    if (++count > MAX_WORDS_TO_VERB) return undefined;
    if (isSpeechVerb(word[0])) return speakerJoinedToVerb(view, close + word.index, close);
  }
  return undefined;
}

/**
 * “…,” said former Obama adviser David Axelrod: a speech verb right after the quote, then a
 * phrase up to the next comma; its last name is the speaker (the names before it qualify him).
 */
function invertedSpeaker(view: ParagraphView, close: number, end: number): ReferringExpression | undefined {
  const verb = /^[\s,—–-]*([\p{L}]+)\s+/u.exec(view.masked.slice(close, end));
  if (!verb || !isSpeechVerb(verb[1] as string)) return undefined;
  const from = close + verb[0].length;
  const comma = view.masked.slice(from, end).search(/[,;:(]/u);
  const to = comma < 0 ? end : from + comma;
  const inPhrase = view.expressions.filter((e) => e.start >= from && e.end <= to);
  return inPhrase.filter((e) => e.kind === "name").at(-1) ?? inPhrase[0];
}

// What may follow the verb of an attribution standing alone: an occasion, not a clause ("said on Monday", "told reporters").
const OCCASION =
  /^(?:\s+(?:reporters|journalists|supporters|the crowd|[\p{Lu}][\p{L}]+))?(?:\s+(?:on|in|at|during|after|before|via|through|later|afterward|afterwards|earlier|recently|again|then|yesterday|today)\b(?:\s+(?!that\b)[\p{L}\p{N}’'.-]+){0,6})?\s*[.!]?\s*$/u;

/**
 * “… are missing.” Trump said. / “…” he added on Monday.: the sentence after a quote that
 * closed its own sentence is nothing but a speaker, a speech verb and an occasion.
 */
function attributionAlone(view: ParagraphView, from: number): ReferringExpression | undefined {
  const end = clauseEnd(view, from);
  const first = view.expressions.find((e) => e.start >= from && e.start < end);
  if (!first) return undefined;
  // “Why now?” asked Okafor.
  const inverted = /^\s*(\p{L}+)\s+$/u.exec(view.masked.slice(from, first.start));
  if (inverted && isSpeechVerb(inverted[1] as string))
    return OCCASION.test(view.masked.slice(first.end, end)) ? first : undefined;
  if (view.masked.slice(from, first.start).trim() !== "") return undefined;
  const rest = /^(\s+(?:[\p{Ll}]+\s+){0,2}?)([\p{L}]+)([\s\S]*)$/u.exec(view.masked.slice(first.end, end));
  if (!rest || !isSpeechVerb(rest[2] as string) || !BETWEEN_SPEAKER_AND_VERB.test(rest[1] as string))
    return undefined;
  return OCCASION.test(rest[3] as string) ? first : undefined;
}

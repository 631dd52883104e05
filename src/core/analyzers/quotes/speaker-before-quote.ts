import { isVerbLike, sentenceSubject } from "../entities/clause-subject.js";
import type { ReferringExpression } from "../entities/referring-expressions.js";
import { clauseStart, type ParagraphView } from "./paragraph-view.js";
import type { QuoteSpan } from "./quote-spans.js";
import { isSpeechVerb } from "./speech-cues.js";
import { speakerJoinedToVerb } from "./verb-speaker.js";

// Speech verbs whose next name is their object, not their speaker: "accusing Ruiz of …", "told Okafor".
const TRANSITIVE_VERBS =
  /^(?:accus|call|urg|tell|told|ask|blast|slam|critici[sz]|describ|label|brand|dub|term|advis|warn|prais|thank|quot|remind|promis|threat|attack|welcom|denounc|condemn|applaud|laud|blam|hail|tout|derid|dismiss|ridicul|mock|decr|portray|cit|referenc)/iu;

/**
 * The speaker of a quote introduced earlier in its own clause (quoted words of other
 * speakers left out): the nearest cue before the quote — a speech verb (X said, “…”;
 * X said Sunday that she hoped for “a quick return”; X is calling the plan “…”), “according
 * to X”, or a colon after X’s words — and the one it belongs to: the name or pronoun right
 * before the verb (adverbs and an aside allowed), otherwise the subject of the clause.
 * `start` is where the reporter's words that may hold the cue begin (the quote's clause by default).
 */
export function speakerBeforeQuote(
  view: ParagraphView,
  span: QuoteSpan,
  start = clauseStart(view, span.open),
): ReferringExpression | undefined {
  const before = view.masked.slice(start, span.open);
  const cue = lastCue(before);
  if (!cue) return undefined;
  const expressions = view.expressions.filter((e) => e.start >= start && e.end <= span.open);
  if (cue.kind === "according") {
    const after = start + cue.end;
    return expressions.find(
      (e) => e.start >= after && /^\s+(?:the\s+)?$/u.test(view.masked.slice(after, e.start)),
    );
  }
  const verbAt = start + cue.start;
  // Ruiz called it “rash,” Okafor expressed a wish to “…”: another clause's quote
  // and a new subject stand between the cue and this quote, so the cue is not this quote's.
  if (newSubjectAfterQuote(view, verbAt, span.open)) return undefined;
  const direct = speakerJoinedToVerb(view, verbAt, start);
  if (direct) return direct;
  // Okafor said, adding, “…”: a participle continuing an earlier verb has that verb's speaker.
  if (cue.kind === "verb" && /ing$/u.test(cue.word)) {
    const earlier = /([\p{L}]+)[,\s]+$/u.exec(before.slice(0, cue.start));
    if (earlier && isSpeechVerb(earlier[1] as string)) {
      const chained = speakerJoinedToVerb(view, start + earlier.index, start);
      if (chained) return chained;
    }
  }
  // said X: “…” — an inverted verb in front of its speaker, right before the quote.
  const inverted = expressions.find(
    (e) =>
      e.start >= verbAt &&
      /^[\p{L}]+\s+$/u.test(view.masked.slice(verbAt, e.start)) &&
      !TRANSITIVE_VERBS.test(view.masked.slice(verbAt, e.start)) &&
      // "now said Ruiz had “…”": the name after the verb starts the reported clause.
      !verbFollows(view.masked.slice(e.end, span.open)),
  );
  if (inverted && cue.kind === "verb") return inverted;
  const local = before.slice(0, cue.start);
  const shifted = expressions
    .filter((e) => e.end <= verbAt)
    .map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
  const subject = sentenceSubject(local, shifted);
  return subject && expressions.find((e) => e.start === subject.start + start);
}

/** True when a quote closes between the cue and the quote and a clause with its own subject follows it. */
function newSubjectAfterQuote(view: ParagraphView, from: number, to: number): boolean {
  const closing = view.spans.find((s) => s.close > from && s.close <= to);
  if (!closing) return false;
  return /^[\s,;]+(?:and\s+|but\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*\s+\p{Ll}+(?:ed|s)\b/u.test(
    view.masked.slice(closing.close, to),
  );
}

interface Cue {
  kind: "verb" | "noun" | "colon" | "according";
  /** The cue word, lower-cased. */
  word: string;
  /** Offset of the cue in the text before the quote. */
  start: number;
  end: number;
}

/** The cue nearest to the quote, in the reporter's words of its clause. */
function lastCue(before: string): Cue | undefined {
  const trimmed = before.trimEnd();
  // "Okafor issued a statement, “…”": a speech noun right before the quote is its cue.
  const noun = /\b(statement|tweet|post|message|letter|remarks|speech)\s*[,:—–-]?$/u.exec(trimmed);
  // "Podesta said in a statement:": the verb before is the cue, the statement its manner.
  if (noun && !/\bin\s+(?:a|an|his|her|their|its)\s+(?:\p{L}+\s+)?$/u.test(trimmed.slice(0, noun.index))) {
    const word = noun[1] as string;
    return { kind: "noun", word, start: noun.index, end: noun.index + word.length };
  }
  const words = Array.from(trimmed.matchAll(/[\p{L}’'-]+/gu));
  for (let i = words.length - 1; i >= 0; i--) {
    const match = words[i] as RegExpExecArray;
    const word = match[0].toLowerCase();
    if (word === "to" && words[i - 1]?.[0].toLowerCase() === "according") {
      const at = (words[i - 1] as RegExpExecArray).index;
      return { kind: "according", word: "according to", start: at, end: match.index + match[0].length };
    }
    // "calling for a ban", "pressed for “…”": asking for something, not speaking words.
    const object = /^\s+(\p{L}+)/u.exec(trimmed.slice(match.index + match[0].length))?.[1];
    // "Ruiz’s comments", "his remarks": after a determiner or a possessor the word is a noun.
    const previous = words[i - 1]?.[0].toLowerCase() ?? "";
    const noun = /^(?:the|a|an|his|her|their|its|these|those|whose|our|my|your)$|['’]s?$/u.test(previous);
    if (isSpeechVerb(word) && !noun && !(/^(?:call|press|ask|plead|beg)/u.test(word) && object === "for"))
      return { kind: "verb", word, start: match.index, end: match.index + match[0].length };
  }
  if (trimmed.endsWith(":"))
    return { kind: "colon", word: ":", start: trimmed.length - 1, end: trimmed.length };
  return undefined;
}

/** True when the next word is a verb: the name is the subject of a clause of its own. */
function verbFollows(text: string): boolean {
  return isVerbLike(/^\s+([\p{L}’'-]+)/u.exec(text)?.[1]?.toLowerCase() ?? "");
}

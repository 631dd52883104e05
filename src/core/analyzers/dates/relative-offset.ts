import type { Candidate } from "./candidate.js";
import { type Offset, resolveOffset } from "./offset-resolution.js";
import { countOf, unitOf } from "./time-unit.js";

// Patterns here are ASCII and run on many sentences: no `u` flag, which makes
// case-insensitive matching several times slower in V8.
const COUNT = String.raw`a\s+couple\s+of|a\s+few|several|some|few|many|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}`;
const OFFSET =
  /\b(days?|weeks?|fortnights?|months?|years?)\s+(ago|earlier|later|before|after|afterwards?|previously|prior)\b/gi;
const COUNT_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(${COUNT})\s+$`, "iu");
const QUICK = /ago|earlier|later|before|after|previously|prior/i;
// What follows "before"/"after": nothing (an adverb: "two days before,"), the present
// ("before the current crisis", "after this week"), or some other event, which cannot be dated.
const NO_OBJECT = /^\s*(?:[,.;:!?)—–"”]|$)/u;
const PRESENT_OBJECT = /^\s+(?:to\s+)?(?:the\s+)?(?:current|present|latest|ongoing|today|now|this)\b/iu;

function baseOf(direction: string, after: string): Offset["base"] | undefined {
  const word = direction.toLowerCase();
  if (word === "ago") return "publication";
  if (/^\s+than\b/iu.test(after)) return undefined; // "two weeks earlier than planned"
  if (word === "before" || word === "after" || word === "prior") {
    if (PRESENT_OBJECT.test(after)) return "publication";
    return NO_OBJECT.test(after) && word !== "prior" ? "narrative" : undefined;
  }
  return "narrative";
}

/**
 * Counted offsets: "two weeks ago", "a year earlier", "three days later", "weeks
 * before the current crisis". "Ago" and "before the current/present …" count from the
 * publication; "earlier", "later" and a bare "before"/"after" from the narrative anchor
 * (the last date the story gave). "Before"/"after" some undated event ("two days before
 * the vote") cannot be resolved and is skipped. A vague plural ("weeks", "several
 * months") is an approximate estimate one step coarser (see `periodAround`).
 */
export function findRelativeOffsets(sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  if (!QUICK.test(sentence)) return candidates;
  for (const match of sentence.matchAll(OFFSET)) {
    const [text, unitWord = "", directionWord = ""] = match;
    const sliceStart = Math.max(0, match.index - 16);
    const counted = COUNT_BEFORE.exec(sentence.slice(sliceStart, match.index));
    const countWord = counted?.[1];
    const start =
      counted === null || countWord === undefined
        ? match.index
        : sliceStart + counted.index + counted[0].indexOf(countWord);
    const unit = unitOf(unitWord);
    if (unit === undefined) continue;
    const count = countOf(countWord);
    const vague = countWord === undefined || count === undefined;
    if (vague && !/s$/iu.test(unitWord)) continue; // "day later" alone is not an offset
    const end = match.index + text.length;
    const base = baseOf(directionWord, sentence.slice(end, end + 40));
    if (base === undefined) continue;
    const direction = /^(?:ago|earlier|before|previously|prior)$/iu.test(directionWord) ? -1 : 1;
    const offset: Offset = {
      base,
      direction,
      unit: unit.unit,
      count: vague ? undefined : count * unit.factor,
    };
    candidates.push({
      start,
      end,
      rule: "relative-offset",
      resolve: (context) => resolveOffset(offset, context),
    });
  }
  return candidates;
}

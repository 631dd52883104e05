import type { Candidate } from "./candidate.js";
import { type Offset, resolveOffset } from "./offset-resolution.js";
import { unitOf } from "./time-unit.js";

// Patterns here are ASCII and run on many sentences: no `u` flag, which makes
// case-insensitive matching several times slower in V8.
const UNITS = "day|morning|afternoon|evening|night|week|month|year";
const NEXT = new RegExp(String.raw`\bthe\s+(next|following|previous|preceding|prior)\s+(${UNITS})\b`, "gi");
const BEFORE_AFTER = /\bthe\s+(day|week|month|year)\s+(before|after|earlier|later)\b/gi;
// Not "the same year-ago period" or "that year-end": a compound, not a time.
const SAME = new RegExp(String.raw`\b(?:that|the\s+same)\s+(?:same\s+|very\s+)?(${UNITS})\b(?!-)`, "gi");
// "over the next year" is a span ahead, not a step from the story's last date.
const SPAN_BEFORE = /\b(?:over|for|in|during|within|throughout)\s+$/iu;
const NO_OBJECT = /^\s*(?:[,.;:!?)—–"”]|$)/u;
const QUICK = /next|following|previous|preceding|prior|the (?:day|week|month|year)|that|same/i;

function candidate(start: number, end: number, offset: Offset): Candidate {
  return { start, end, rule: "sequence-words", resolve: (context) => resolveOffset(offset, context) };
}

/**
 * Steps from the story's last date: "the next day", "the following week", "the
 * previous year", "the day before", "that very morning", "the same day", "later that
 * year" ("later" is read as a lead-in). They follow the narrative anchor; see
 * `resolveOffset` for what they mean when the story has given no date before.
 */
export function findSequenceWords(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(NEXT)) {
    const unit = unitOf(match[2] ?? "");
    if (unit === undefined || SPAN_BEFORE.test(sentence.slice(Math.max(0, match.index - 12), match.index)))
      continue;
    const direction = /^(?:next|following)$/iu.test(match[1] ?? "") ? 1 : -1;
    const offset: Offset = { base: "narrative", direction, unit: unit.unit, count: unit.factor };
    found.push(candidate(match.index, match.index + match[0].length, offset));
  }
  for (const match of sentence.matchAll(BEFORE_AFTER)) {
    const unit = unitOf(match[1] ?? "");
    const end = match.index + match[0].length;
    if (unit === undefined) continue;
    // "the day before the vote" hangs on an undated event.
    if (/^(?:before|after)$/iu.test(match[2] ?? "") && !NO_OBJECT.test(sentence.slice(end, end + 10)))
      continue;
    const direction = /^(?:after|later)$/iu.test(match[2] ?? "") ? 1 : -1;
    found.push(candidate(match.index, end, { base: "narrative", direction, unit: unit.unit, count: 1 }));
  }
  for (const match of sentence.matchAll(SAME)) {
    const unit = unitOf(match[1] ?? "");
    if (unit === undefined) continue;
    const offset: Offset = { base: "narrative", direction: 0, unit: unit.unit, count: 0 };
    found.push(candidate(match.index, match.index + match[0].length, offset));
  }
  return found;
}

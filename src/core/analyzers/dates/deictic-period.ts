import { addDays, type CalendarDay, weekdayOf } from "./calendar-day.js";
import type { Candidate, Resolution, ResolveContext } from "./candidate.js";
import { coarser, containingPartial, type PartialDate, precisionOf, truncate } from "./partial-date.js";
import type { PublicationReference } from "./publication-reference.js";
import { countOf, shiftDay, unitOf } from "./time-unit.js";

// Patterns here are ASCII and run on many sentences: no `u` flag, which makes
// case-insensitive matching several times slower in V8.
const COUNT = String.raw`a\s+couple\s+of|a\s+few|several|some|few|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}`;
const THIS_NEXT_LAST = /(?<!\bthe\s)\b(this|last|next|past|coming)\s+(week|weekend|month|year|quarter)\b/gi;
// "the past two weeks", "the past week", "recent months"; not "the last day of the offer".
const THE_PAST = new RegExp(
  String.raw`\b(?:the\s+(?:past|last|previous)|recent)\s+(?:(${COUNT})\s+)?(days|weeks?|months?)\b(?!\s+of\b)`,
  "gi",
);
const SEASON = /\b(this|last|next|past|coming)\s+(spring|summer|fall|autumn)\b/gi;
const SEASON_MONTHS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  fall: [9, 11],
  autumn: [9, 11],
};
const PART_OF_DAY = /\bthis\s+(?:morning|afternoon|evening)\b/gi;
const WEEKEND = /\b(?:over|at|during)\s+the\s+weekend\b/gi;
const CURRENT_PERIOD = /\bthe\s+(?:end|beginning|start|middle|close)\s+of\s+the\s+(week|month|year)\b/gi;

const QUICK = /this|last|next|past|coming|recent|weekend|of the/i;

type Period = "week" | "weekend" | "month" | "year" | "quarter";

function mondayOf(day: CalendarDay): CalendarDay {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** First and last day of the period `step` periods from the one holding `day`. */
function periodSpan(day: CalendarDay, period: Period, step: number): [CalendarDay, CalendarDay] {
  if (period === "week") {
    const monday = addDays(mondayOf(day), 7 * step);
    return [monday, addDays(monday, 6)];
  }
  if (period === "weekend") {
    // The weekend of `step` 0 is the latest one that has begun by `day`.
    const saturday = addDays(day, -((weekdayOf(day) + 1) % 7) + 7 * step);
    return [saturday, addDays(saturday, 1)];
  }
  if (period === "quarter") {
    const first = shiftDay(
      { year: day.year, month: day.month - ((day.month - 1) % 3), day: 1 },
      "month",
      3 * step,
    );
    return [first, addDays(shiftDay(first, "month", 3), -1)];
  }
  const shifted = shiftDay(day, period, step);
  const from = period === "month" ? { ...shifted, day: 1 } : { year: shifted.year, month: 1, day: 1 };
  return [from, addDays(shiftDay(from, period, 1), -1)];
}

function fromSpan(
  [from, to]: [CalendarDay, CalendarDay],
  reference: PublicationReference,
  approximate: boolean,
): Resolution | undefined {
  const held = containingPartial(from, to);
  if (held === undefined) return undefined;
  const date: PartialDate = truncate(held, coarser(precisionOf(held), reference.precision));
  const resolution: Resolution = { date, day: to, basis: "publication" };
  if (approximate || reference.precision !== "day") resolution.approximate = true;
  return resolution;
}

function stepOf(word: string, period: Period, context: ResolveContext, day: CalendarDay): number {
  const w = word.toLowerCase();
  const inWeekend = weekdayOf(day) === 6 || weekdayOf(day) === 0;
  if (w === "next" || w === "coming") return 1;
  // "Last weekend" in a Monday paper is the one just gone; on a Sunday, the one before.
  if (w === "last" || w === "past") return period === "weekend" && !inWeekend ? 0 : -1;
  if (period !== "weekend") return 0;
  return context.tense === "future" && !inWeekend ? 1 : 0;
}

function candidate(start: number, end: number, resolve: Candidate["resolve"]): Candidate {
  return { start, end, rule: "deictic-period", resolve };
}

/**
 * Periods named from the publication date: "this week", "last year", "next month",
 * "last quarter", "next summer", "over the weekend", "the past two weeks", "in recent weeks", "this
 * morning", "by the end of the year". Each is dated by the most precise partial date
 * holding the whole period — a week inside one month gives the month, a week across two
 * months the year, a quarter the year — and never finer than the publication date.
 */
export function findDeicticPeriods(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(THIS_NEXT_LAST)) {
    const period = (match[2] ?? "").toLowerCase() as Period;
    const word = match[1] ?? "";
    found.push(
      candidate(match.index, match.index + match[0].length, (context) => {
        const reference = context.reference;
        if (reference === undefined) return undefined;
        return fromSpan(
          periodSpan(reference.day, period, stepOf(word, period, context, reference.day)),
          reference,
          false,
        );
      }),
    );
  }
  for (const match of sentence.matchAll(THE_PAST)) {
    const unit = unitOf(match[2] ?? "");
    const count = countOf(match[1]) ?? (/s$/iu.test(match[2] ?? "") ? undefined : 1);
    if (unit === undefined) continue;
    found.push(
      candidate(match.index, match.index + match[0].length, (context) => {
        const reference = context.reference;
        if (reference === undefined) return undefined;
        const from = shiftDay(reference.day, unit.unit, -(count ?? 3));
        return fromSpan([from, reference.day], reference, count === undefined);
      }),
    );
  }
  for (const match of sentence.matchAll(SEASON)) {
    const [first, last] = SEASON_MONTHS[(match[2] ?? "").toLowerCase()] ?? [6, 8];
    const word = (match[1] ?? "").toLowerCase();
    found.push(
      candidate(match.index, match.index + match[0].length, ({ reference }) => {
        if (reference === undefined) return undefined;
        const { year, month } = reference.day;
        let seasonYear = year;
        if (word === "last" || word === "past") seasonYear = last < month ? year : year - 1;
        if (word === "next" || word === "coming") seasonYear = first > month ? year : year + 1;
        return fromSpan(
          [
            { year: seasonYear, month: first, day: 1 },
            { year: seasonYear, month: last, day: 28 },
          ],
          reference,
          false,
        );
      }),
    );
  }
  for (const match of sentence.matchAll(PART_OF_DAY)) {
    found.push(
      candidate(match.index, match.index + match[0].length, ({ reference }) =>
        reference === undefined ? undefined : fromSpan([reference.day, reference.day], reference, false),
      ),
    );
  }
  for (const match of sentence.matchAll(WEEKEND)) {
    found.push(
      candidate(match.index, match.index + match[0].length, (context) => {
        const reference = context.reference;
        if (reference === undefined) return undefined;
        return fromSpan(
          periodSpan(reference.day, "weekend", stepOf("", "weekend", context, reference.day)),
          reference,
          false,
        );
      }),
    );
  }
  for (const match of sentence.matchAll(CURRENT_PERIOD)) {
    const period = (match[1] ?? "").toLowerCase() as Period;
    found.push(
      candidate(match.index, match.index + match[0].length, ({ reference }) =>
        reference === undefined
          ? undefined
          : fromSpan(periodSpan(reference.day, period, 0), reference, false),
      ),
    );
  }
  return found;
}

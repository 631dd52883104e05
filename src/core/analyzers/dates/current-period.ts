import { addDays, type CalendarDay, weekdayOf } from "./calendar-day.js";
import type { Candidate, Resolution, ResolveContext } from "./candidate.js";
import { containingPartial, type PartialDate, precisionOf } from "./partial-date.js";

// ASCII patterns without the `u` flag, like the other rules that run on many sentences.
// "a high for the year", "the first nine months of the year", "earlier in the year",
// "later in the day", "shares fell 2% for the week": the period the story is in. Not
// "the year before/after/ended…" (counted from something else), "the month of February",
// "the day of the vote" (but "a high for the year of $42" is the year's), nor "player of
// the year" (only period words before "of").
const CURRENT =
  /\b(?:(?:for|during|throughout)\s+the\s+(day|week|month|year)|(?:months|weeks|days|half|quarter|part|rest|remainder|balance|course)\s+of\s+the\s+(year|month)|(?:earlier|later|so\s+far)\s+in\s+the\s+(day|week|month|year))\b(?!['’]s|\s+(?:before|after|earlier|later|ago|ended|ending|to|that|when|in\s+which|19\d\d|20\d\d)\b|\s+of\b(?!\s+[$\d]))/gi;
const QUICK = /the (?:day|week|month|year)\b/i;

type Period = "day" | "week" | "month" | "year";

function periodOf(day: CalendarDay, period: Period): PartialDate | undefined {
  if (period === "day") return { ...day };
  if (period === "month") return { year: day.year, month: day.month };
  if (period === "year") return { year: day.year };
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  return containingPartial(monday, addDays(monday, 6));
}

const FINEST: Record<Period, number> = { day: 3, week: 3, month: 2, year: 1 };
const DEPTH = { year: 1, month: 2, day: 3 } as const;

function resolveCurrent(period: Period) {
  return ({ anchor, reference }: ResolveContext): Resolution | undefined => {
    // The day the story is at, if it knows one as precise as the period; else publication's.
    const base = anchor ?? (reference && { date: reference.date, day: reference.day });
    if (base === undefined || DEPTH[precisionOf(base.date)] < FINEST[period]) return undefined;
    const date = periodOf(base.day, period);
    if (date === undefined) return undefined;
    const resolution: Resolution = { date, day: base.day, basis: anchor ? "narrative" : "publication" };
    if (period === "year" || period === "week") resolution.approximate = true;
    return resolution;
  };
}

/**
 * The period a report is in, named without a date: "a high for the year", "the first
 * nine months of the year", "earlier in the year", "later in the day", "for the week".
 * The day the story was last at names it, else the publication; only when that is
 * known at least as precisely as the period (no day from "In 1987").
 */
export function findCurrentPeriods(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(CURRENT)) {
    const period = (match[1] ?? match[2] ?? match[3] ?? "year").toLowerCase() as Period;
    const end = match.index + match[0].length;
    const start = match.index + match[0].search(/the\s+\S+$/i);
    found.push({ start, end, rule: "current-period", resolve: resolveCurrent(period) });
  }
  return found;
}

import type { CalendarDay } from "./calendar-day.js";
import { dayNumber } from "./calendar-day.js";
import type { Candidate, Resolution, ResolveContext } from "./candidate.js";
import { middleDay } from "./period-estimate.js";

// ASCII patterns without the `u` flag: they run on every sentence that names a quarter.
// "the third quarter", "third-quarter", "the 1988 third quarter", "1988's fourth quarter", "the fiscal first
// quarter", "the fourth quarter of 1989", "Q3 1989", "1989 Q3", and with a year named from
// publication, "last year's fourth quarter", "next year's first quarter".
const ORDINAL_QUARTER =
  /\b(?:the\s+)?(?:(19\d\d|20\d\d)(?:['’]s)?\s+|(last|this|next)\s+year['’]s\s+)?(?:fiscal\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)(?:\s+|-)(?:fiscal\s+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(19\d\d|20\d\d)\b)?/gi;
const YEAR_WORD_OFFSET: Record<string, number> = { last: -1, this: 0, next: 1 };
// A quarter's results: "fourth quarter earnings", "a fourth-quarter loss", "the fourth
// quarter and annual earnings report".
const RESULTS_AFTER =
  /^\s*(?:and\s+(?:full[\s-]year|annual|year-end)\s+)?(?:results|earnings|profits?|loss(?:es)?|net|sales|revenues?|figures|report|per[\s-]share|operating|slowness|growth|charge)\b/i;
const Q_QUARTER = /\b(?:(19\d\d|20\d\d)\s+)?Q([1-4])\b(?:\s+(19\d\d|20\d\d)\b)?/g;
// "the quarter", "the latest quarter", "the year-ago quarter", "that quarter", "the
// year-earlier period", "year-earlier results": the report's own quarter, or the one
// a year before it. Only after a determiner (or as "year-ago"/"year-earlier" + noun):
// "a quarter of the shares" is a fraction; "the quarter to June" is the one ending then,
// but "revenue rose in the quarter to $2 billion" is the report's.
const DEICTIC_QUARTER =
  /\b(?:the|that|this|its|their)\s+(?:(latest|recent|most\s+recent|current|past|just-ended|comparable|same|(?:comparable\s+)?year-(?:ago|earlier))\s+)?quarter\b(?!\s+(?:of|ended|ending)\b)|\b(?:the\s+)?(?:same\s+|comparable\s+)?year-(?:ago|earlier)\s+(?:quarter|period|results|profit|earnings|loss|figures?|net|sales|revenue)\b|\bYear-earlier\b/gi;
// Case-sensitive: "to June", "to end-March", "to date", not "to total", "to $2 billion".
const QUARTER_TO_DATE = /^\s+to\s+(?:[A-Z]|end\b|date\b)/;
const QUICK = /quarter|\bQ[1-4]\b|year-(?:ago|earlier)/i;

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
};

function quarterStart(year: number, quarter: number): CalendarDay {
  return { year, month: 3 * quarter - 2, day: 1 };
}

/** The quarter (1–4) holding a day. */
function quarterOf(day: CalendarDay): number {
  return Math.floor((day.month - 1) / 3) + 1;
}

/**
 * The year of a quarter named without one, as a report means it ("the third quarter"
 * in a November report is this year's, in a February one last year's).
 */
function yearOfQuarter(quarter: number, reference: CalendarDay, future: boolean, results: boolean): number {
  // A quarter of this year already begun is the one meant, even in the future tense
  // ("expects to report third-quarter net" in November); one not begun yet is this
  // year's in the future tense and last year's in the past.
  if (dayNumber(quarterStart(reference.year, quarter)) <= dayNumber(reference)) return reference.year;
  // Results of the fourth quarter named in the first are the quarter just over, whatever
  // the tense: "fourth-quarter results will be delayed" in March. "Profitable by the
  // fourth quarter" is the coming one.
  if (results && quarter === 4 && quarterOf(reference) === 1) return reference.year - 1;
  return future ? reference.year : reference.year - 1;
}

// A quarter spans three months: the finest ISO partial date holding it is its year.
function quarterResolution(
  year: number,
  quarter: number,
  basis: Resolution["basis"],
  approximate: boolean,
): Resolution {
  const date = { year };
  const resolution: Resolution = { date, day: middleDay({ year, month: 3 * quarter - 1 }), basis };
  if (approximate) resolution.approximate = true;
  return resolution;
}

function ordinalResolve(
  written: number | undefined,
  quarter: number,
  fiscal: boolean,
  yearOffset: number | undefined = undefined,
  results = false,
) {
  return (context: ResolveContext): Resolution | undefined => {
    if (written !== undefined) return quarterResolution(written, quarter, "text", fiscal);
    // "In the year-ago quarter, the second quarter …": the year of the date framing it.
    if (context.frameYear !== undefined) return quarterResolution(context.frameYear, quarter, "text", fiscal);
    const reference = context.reference;
    if (yearOffset !== undefined) {
      if (reference === undefined) return undefined;
      return quarterResolution(reference.day.year + yearOffset, quarter, "publication", fiscal);
    }
    if (reference === undefined || reference.precision === "year") {
      return reference === undefined
        ? undefined
        : quarterResolution(reference.date.year, quarter, "publication", true);
    }
    const year = yearOfQuarter(quarter, reference.day, context.tense === "future", results);
    // A fiscal quarter may sit in another calendar year: an estimate.
    return quarterResolution(year, quarter, "publication", fiscal);
  };
}

function deicticResolve(modifier: string) {
  return ({ reference, tense }: ResolveContext): Resolution | undefined => {
    if (reference === undefined) return undefined;
    const current = quarterOf(reference.day);
    // A report speaks of the quarter it reports on, the last one over, unless it says
    // "current" or speaks of the future.
    let year = reference.day.year;
    let quarter = current;
    if (!/current/i.test(modifier) && tense !== "future") {
      quarter = current === 1 ? 4 : current - 1;
      if (current === 1) year--;
    }
    if (/year-(?:ago|earlier)|^Year-earlier$/i.test(modifier)) year--;
    return quarterResolution(year, quarter, "publication", true);
  };
}

/**
 * Quarters: "the third quarter", "third-quarter results", "the 1988 third quarter",
 * "the fourth quarter of 1989", "Q3 1989", "last year's fourth quarter", "the quarter",
 * "the year-ago quarter", "year-earlier results". A quarter spans three months, so it is dated by its year (the
 * finest ISO partial date holding it). Without a written year the report's quarter is
 * the latest one begun by publication (the first not yet over, in the future tense);
 * "the quarter" is the last one over, "year-ago" one a year before — estimates.
 */
export function findQuarters(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(ORDINAL_QUARTER)) {
    const quarter = ORDINALS[(match[3] ?? "").toLowerCase()] ?? 1;
    const yearText = match[1] ?? match[4];
    const written = yearText === undefined ? undefined : Number(yearText);
    const fiscal = /fiscal/i.test(match[0]);
    const yearOffset = YEAR_WORD_OFFSET[(match[2] ?? "").toLowerCase()];
    const end = match.index + match[0].length;
    found.push({
      start: match.index,
      end,
      rule: "quarter",
      resolve: ordinalResolve(
        written,
        quarter,
        fiscal,
        yearOffset,
        RESULTS_AFTER.test(sentence.slice(end, end + 40)),
      ),
    });
  }
  for (const match of sentence.matchAll(Q_QUARTER)) {
    const yearText = match[1] ?? match[3];
    const written = yearText === undefined ? undefined : Number(yearText);
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      rule: "quarter",
      resolve: ordinalResolve(written, Number(match[2]), false),
    });
  }
  for (const match of sentence.matchAll(DEICTIC_QUARTER)) {
    if (QUARTER_TO_DATE.test(sentence.slice(match.index + match[0].length))) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      rule: "quarter",
      resolve: deicticResolve(match[1] ?? match[0]),
    });
  }
  return found;
}

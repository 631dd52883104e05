import type { CalendarDay } from "./calendar-day.js";
import { dayNumber } from "./calendar-day.js";
import type { Candidate, Resolution, ResolveContext } from "./candidate.js";
import { middleDay } from "./period-estimate.js";

// ASCII patterns without the `u` flag, like the other rules that run on many sentences.
// "the summer of 1994", "summer 1994", "in the winter of 2025"; "over the summer",
// "during the spring" (this/last/next summer are read by the deictic-period rule).
const SEASON_OF_YEAR =
  /\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(spring|summer|fall|autumn|winter)(?:\s+of)?\s+(19\d\d|20\d\d)\b/gi;
const THE_SEASON =
  /\b(?:in|during|over|through|throughout|since|until|by)\s+the\s+(?:(?:early|late)\s+)?(spring|summer|fall|autumn)\b(?!\s+(?:of|months?|season|collection|games|olympics|school|camp)\b)/gi;
const QUICK = /spring|summer|fall|autumn|winter/i;

// Northern meteorological seasons: first and last month.
const MONTHS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  fall: [9, 11],
  autumn: [9, 11],
};

function seasonOfYear(year: number, season: string): Resolution {
  const date = { year };
  const [first] = MONTHS[season] ?? [1, 12];
  // Winter straddles two years: "the winter of 1994" is dated by its year, as an estimate.
  const resolution: Resolution = { date, day: middleDay({ year, month: first + 1 }), basis: "text" };
  if (season === "winter") resolution.approximate = true;
  return resolution;
}

function resolveTheSeason(season: string) {
  return ({ reference, tense }: ResolveContext): Resolution | undefined => {
    const [first, last] = MONTHS[season] ?? [6, 8];
    if (reference === undefined) return undefined;
    const today = dayNumber(reference.day);
    const year = reference.day.year;
    const start = (y: number): CalendarDay => ({ year: y, month: first, day: 1 });
    const end = (y: number): CalendarDay => ({ year: y, month: last, day: 28 });
    // The latest season begun by publication, or in the future tense the first not yet over.
    const seasonYear =
      tense === "future"
        ? dayNumber(end(year)) >= today
          ? year
          : year + 1
        : dayNumber(start(year)) <= today
          ? year
          : year - 1;
    return {
      date: { year: seasonYear },
      day: middleDay({ year: seasonYear, month: first + 1 }),
      basis: "publication",
    };
  };
}

/**
 * Seasons: "the summer of 1994", "winter 2025", "over the summer", "during the spring".
 * A season is dated by its year (three months fit no finer ISO partial date); without a
 * written year, by the publication and tense: the latest such season begun, or the first
 * not over in the future tense. "The winter" alone straddles two years and is left out.
 */
export function findSeasons(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(SEASON_OF_YEAR)) {
    const season = (match[1] ?? "").toLowerCase();
    const year = Number(match[2]);
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      rule: "season",
      resolve: () => seasonOfYear(year, season),
    });
  }
  for (const match of sentence.matchAll(THE_SEASON)) {
    const season = (match[1] ?? "").toLowerCase();
    const start = match.index + match[0].toLowerCase().indexOf("the");
    found.push({
      start,
      end: match.index + match[0].length,
      rule: "season",
      resolve: resolveTheSeason(season),
    });
  }
  return found;
}

import { addDays, type CalendarDay, daysInMonth, isValidDay, weekdayOf } from "./calendar-day.js";
import type { Candidate, Resolution, ResolveContext } from "./candidate.js";
import { type ChronoComponents, type ChronoHit, chronoHits } from "./chrono-hits.js";
import { hasDateName, namesCapitalised } from "./date-words.js";
import { containingPartial, firstDay, type PartialDate } from "./partial-date.js";
import { middleDay } from "./period-estimate.js";
import { PERIOD_NOUN } from "./period-nouns.js";
import { relativeToReference } from "./publication-reference.js";
import type { Tense } from "./tense.js";
import { resolveWeekday, type WeekdayModifier } from "./weekday.js";
import { resolveYearless } from "./yearless-date.js";

// A month name alone is a date only after a word that introduces a time ("in July",
// "since March", "mid-May", "April and May") or before a period noun ("January
// exports"): otherwise "March" may be a protest and "May" a name ("May Department Stores").
const MONTH_LEAD =
  /(?:^|[^\p{L}])(?:in|since|by|until|till|from|through|during|early|late|mid|last|next|this|of|to|before|after|between|and|or|for|that|around)\s*-?\s*$/iu;
const WEEKDAY_COMPOUND_BEFORE =
  /\b(?:Black|Good|Super|Ash|Easter|Palm|Bloody|Cyber|Holy|Maundy|Mail\s+on)\s+$/u;
const WEEKDAY_TITLE_AFTER =
  /^\s+(?:Times|Telegraph|Mail|Express|Post|Herald|Tribune|Mirror|Star|Independent|Sport|Business|Night\s+Football)\b/u;
const CASUAL_OFFSETS: Record<string, number> = {
  today: 0,
  tonight: 0,
  tomorrow: 1,
  yesterday: -1,
  "last night": -1,
};

function isBareMonth(from: ChronoComponents): boolean {
  return from.month !== undefined && from.day === undefined && from.year === undefined;
}

function plausible(sentence: string, hit: ChronoHit): boolean {
  if (!namesCapitalised(hit.text)) return false;
  const before = sentence.slice(Math.max(0, hit.start - 24), hit.start);
  const after = sentence.slice(hit.end, hit.end + 30);
  if (isBareMonth(hit.from) && hit.to === undefined) {
    return MONTH_LEAD.test(before) || PERIOD_NOUN.test(after);
  }
  if (hit.from.weekday !== undefined && hit.from.month === undefined) {
    if (/weekend|weekday/iu.test(hit.text)) return false; // the weekend rule reads these
    return !WEEKDAY_COMPOUND_BEFORE.test(before) && !WEEKDAY_TITLE_AFTER.test(after);
  }
  return true;
}

function weekdayModifier(text: string): WeekdayModifier {
  if (/^(?:last|past)\b|\blast\s+week$/iu.test(text)) return "last";
  if (/^next\b|\bnext\s+week$/iu.test(text)) return "next";
  return /^this\b/iu.test(text) ? "this" : undefined;
}

function monthTense(sentence: string, start: number, tense: Tense): Tense {
  const before = sentence.slice(Math.max(0, start - 12), start);
  if (/\b(?:next|coming)\s+$/iu.test(before)) return "future";
  if (/\blast\s+$/iu.test(before)) return "past";
  return tense;
}

/** The year of the start of a date written without one, from the range's end or the publication. */
function startYear(hit: ChronoHit, month: number, context: ResolveContext, tense: Tense): number | undefined {
  const { from, to } = hit;
  if (to?.year !== undefined) return (to.month ?? month) < month ? to.year - 1 : to.year;
  if (context.reference === undefined) return undefined;
  const year = resolveYearless(month, from.day, context.reference, tense).year;
  if (from.weekday === undefined || from.day === undefined) return year;
  // "Monday, January 27": prefer the nearby year in which that day is that weekday.
  const day = from.day;
  const matching = [year, year - 1, year + 1].find(
    (y) => isValidDay(y, month, day) && weekdayOf({ year: y, month, day }) === from.weekday,
  );
  return matching ?? year;
}

function resolveCalendarDate(
  sentence: string,
  hit: ChronoHit,
  context: ResolveContext,
): Resolution | undefined {
  const { from, to } = hit;
  const month = from.month;
  if (month === undefined) return undefined;
  const written = from.year !== undefined || to?.year !== undefined;
  const year = from.year ?? startYear(hit, month, context, monthTense(sentence, hit.start, context.tense));
  if (year === undefined) return undefined;
  if (from.day !== undefined && !isValidDay(year, month, from.day)) return undefined;
  let date: PartialDate = from.day === undefined ? { year, month } : { year, month, day: from.day };
  if (to?.month !== undefined || to?.day !== undefined) {
    const toMonth = to.month ?? month;
    const toYear = to.year ?? (toMonth < month ? year + 1 : year);
    const toDay = to.day ?? daysInMonth(toYear, toMonth);
    if (isValidDay(toYear, toMonth, toDay)) {
      // A range is dated by the most precise period holding all of it ("Oct 1 to 15" → the month).
      date = containingPartial(firstDay(date), { year: toYear, month: toMonth, day: toDay }) ?? date;
    }
  }
  const day: CalendarDay = from.day === undefined ? middleDay(date) : { year, month, day: from.day };
  return { date, day, basis: written ? "text" : "publication" };
}

function resolveHit(sentence: string, hit: ChronoHit, context: ResolveContext): Resolution | undefined {
  const casual = CASUAL_OFFSETS[hit.text.toLowerCase()];
  const reference = context.reference;
  if (casual !== undefined) {
    if (reference === undefined) return undefined;
    const day = addDays(reference.day, casual);
    return { date: relativeToReference(reference, day, "day"), day, basis: "publication" };
  }
  if (hit.from.month !== undefined) return resolveCalendarDate(sentence, hit, context);
  if (hit.from.weekday !== undefined && reference !== undefined) {
    const day = resolveWeekday(hit.from.weekday, reference.day, context.tense, weekdayModifier(hit.text));
    const date = relativeToReference(reference, day, "day");
    const resolution: Resolution = { date, day, basis: "publication" };
    if (reference.precision !== "day") resolution.approximate = true;
    return resolution;
  }
  if (hit.from.year !== undefined) {
    const date = { year: hit.from.year };
    return { date, day: middleDay(date), basis: "text" };
  }
  return undefined;
}

/**
 * Calendar dates, month names, weekdays and "yesterday"/"today"/"tomorrow" as chrono
 * reads them, with chrono's guesses replaced by news-report rules: a date without a
 * year takes the publication's (past unless the sentence speaks of the future), a
 * weekday is the one around publication, and only what the text states is kept
 * ("in July 2026" → `2026-07`, never a day). Lower-case month names ("may", "march"),
 * month names that are not introduced as dates, titles ("Sunday Times"), times of day
 * and yearless numeric dates ("3/4 of the shares") are left out.
 */
export function findChronoDates(sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const hit of chronoHits(sentence)) {
    const casual = CASUAL_OFFSETS[hit.text.toLowerCase()] !== undefined;
    const numericWithoutYear =
      /^\d/u.test(hit.text) && !/[A-Za-z]/u.test(hit.text) && hit.from.year === undefined;
    if (!casual && (numericWithoutYear || !plausible(sentence, hit))) continue;
    // "now" and the like: chrono dates them to the reference, but they name no date.
    if (!casual && !/\d/u.test(hit.text) && !hasDateName(hit.text)) continue;
    candidates.push({
      start: hit.start,
      end: hit.end,
      rule: "chrono",
      resolve: (context) => resolveHit(sentence, hit, context),
    });
  }
  return candidates;
}

import { addDays, type CalendarDay, daysInMonth, isValidDay, weekdayOf } from "./calendar-day.js";
import type { Candidate, Resolution, ResolveContext } from "./candidate.js";
import { type ChronoComponents, type ChronoHit, chronoHits } from "./chrono-hits.js";
import { hasDateName, namesCapitalised } from "./date-words.js";
import { containingPartial, firstDay, type PartialDate, precisionOf, truncate } from "./partial-date.js";
import { middleDay } from "./period-estimate.js";
import { PERIOD_NOUN } from "./period-nouns.js";
import { relativeToReference } from "./publication-reference.js";
import { followsSince, notAfterPublication } from "./since.js";
import type { Tense } from "./tense.js";
import { resolveWeekday, type WeekdayModifier } from "./weekday.js";
import { deadlineDay, namesDeadline } from "./weekday-deadline.js";
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
const AWAITED_BEFORE = /\b(?:ahead\s+of|run-up\s+to|await(?:s|ing)?|waiting\s+for)\s+$/iu;
const QUOTES = new Set(['"', "“", "”", "‘", "’", "'"]);
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

// Numeric dates chrono may read in figures: only full, unambiguous forms are kept.
const NUMERIC_DATE = /^(?:\d{1,2}\/\d{1,2}\/(?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{4})$/u;

function plausible(sentence: string, hit: ChronoHit): boolean {
  if (hit.listed === true) return true;
  // A month with a day or a year is a date in any case ("april 7", "APRIL 7"); a month
  // or weekday name alone is one only when capitalised ("may", "march" are verbs).
  const withNumber = hit.from.day !== undefined || hit.from.year !== undefined;
  if (!(withNumber && hit.from.month !== undefined) && !namesCapitalised(hit.text)) return false;
  if (/\b(?:may|march)\b/u.test(hit.text)) return false; // the verbs, even before a number: "may 5 pct"
  const before = sentence.slice(Math.max(0, hit.start - 24), hit.start);
  const after = sentence.slice(hit.end, hit.end + 30);
  // A figure goes on ("May 20.0", "Feb 32.9" in a table) or the date is part of one ("5-5/16").
  if (/^[.,/-]?\d/u.test(after) || /(?:\d|\d-|\/)$/u.test(before)) return false;
  if (!/[A-Za-z]/u.test(hit.text)) return NUMERIC_DATE.test(hit.text);
  // A year chrono read from two digits ("Feb 48" in a table of figures).
  if (hit.from.year !== undefined && !/\d{4}|['’]\d\d\b/u.test(hit.text)) return false;
  if (isBareMonth(hit.from) && hit.to === undefined) {
    return MONTH_LEAD.test(before) || PERIOD_NOUN.test(after) || monthAsModifier(hit, before, after);
  }
  if (hit.from.weekday !== undefined && hit.from.month === undefined) {
    if (/weekend|weekday/iu.test(hit.text)) return false; // the weekend rule reads these
    return !WEEKDAY_COMPOUND_BEFORE.test(before) && !WEEKDAY_TITLE_AFTER.test(after);
  }
  return true;
}

/**
 * "the October slaying", "The March accession": a month name between "the" and a
 * lower-case noun qualifies it. Not "May", which is as often a name ("the May government"),
 * nor before a preposition ("the March on Washington").
 */
function monthAsModifier(hit: ChronoHit, before: string, after: string): boolean {
  return (
    hit.from.month !== 5 &&
    /\bthe\s+$/iu.test(before) &&
    /^\s+[a-z]{3,}/u.test(after) &&
    !/^\s+(?:of|on|in|to|for|and|or|at|from|by|with|into|against)\b/u.test(after)
  );
}

function isPossessive(sentence: string, hit: ChronoHit): boolean {
  return /^['’]s\b/u.test(sentence.slice(hit.end, hit.end + 3));
}

/**
 * The tense a weekday is read in. "Thursday's closing price", "Friday's edition": what a
 * day has to its name has happened — unless it is awaited ("are waiting for Friday's
 * report", "campaigning ahead of Sunday's vote"), which, unless told in the past, is
 * still to come.
 */
function weekdayTense(sentence: string, hit: ChronoHit, tense: Tense): Tense {
  if (!isPossessive(sentence, hit)) return tense;
  if (AWAITED_BEFORE.test(sentence.slice(Math.max(0, hit.start - 24), hit.start))) {
    return tense === "past" ? "past" : "future";
  }
  return tense === "unknown" ? "past" : tense;
}

function weekdayModifier(text: string): WeekdayModifier {
  if (/^(?:last|past)\b|\blast\s+week$/iu.test(text)) return "last";
  if (/^next\b|\bnext\s+week$/iu.test(text)) return "next";
  return /^this\b/iu.test(text) ? "this" : undefined;
}

// A deadline or a due date looks ahead of the telling even in a past sentence ("gave
// them until mid-November", "repay the loan by February", "payable Jan. 2"), unless the
// narrative is in the past perfect ("by August, the army had taken the town").
const DEADLINE_LEAD = /\b(?:by|until|till|through|effective|payable)\s+(?:(?:early|late|mid)\s*-?\s*)?$/iu;
const PAST_PERFECT = /\bhad\b/iu;
const AHEAD_LEAD = /\b(?:by|until|till|through|before|after|from)\s+(?:(?:early|late|mid)\s*-?\s*)?$/iu;
/** How far ahead a deadline may lie: "by February" in an October paper is next February. */
const DEADLINE_MONTHS = 6;

function monthTense(sentence: string, hit: ChronoHit, context: ResolveContext, tense: Tense): Tense {
  const before = sentence.slice(Math.max(0, hit.start - 20), hit.start);
  if (/\b(?:next|coming)\s+$/iu.test(before)) return "future";
  if (/\blast\s+$/iu.test(before)) return "past";
  // A deadline already gone by publication ("by Jan. 14" in a January 15 paper) is
  // this year's: only a date up to six months ahead turns to the future.
  const reference = context.reference?.date;
  const month = hit.from.month ?? 0;
  const monthsAhead = reference?.month === undefined ? 0 : (month - reference.month + 12) % 12;
  const ahead =
    (monthsAhead > 0 && monthsAhead <= DEADLINE_MONTHS) ||
    (monthsAhead === 0 && (hit.from.day ?? 0) > (reference?.day ?? 31));
  if (ahead && DEADLINE_LEAD.test(before) && !PAST_PERFECT.test(sentence)) return "future";
  // The month right before publication is the one just gone even in a future sentence
  // ("production is likely to turn positive in February" in a March paper: February's
  // figures): a report naming a month eleven months ahead says "next February" — as the
  // month right after publication is the coming one even in a past sentence.
  const justGone = reference?.month !== undefined && month % 12 === reference.month - 1;
  if (tense === "future" && justGone && hit.from.day === undefined && !AHEAD_LEAD.test(before)) return "past";
  return tense;
}

/**
 * The year of the start of a date written without one: the range's end ("January to
 * March 1987"), else the year of a date right before it ("In 2023, on March 14"), else
 * the publication's (see `resolveYearless`). A year written further back in the sentence
 * is not used: in news it is as often background ("since 1983, … in October") as a frame.
 */
function startYear(hit: ChronoHit, month: number, context: ResolveContext, tense: Tense): number | undefined {
  const { from, to } = hit;
  if (to?.year !== undefined) return (to.month ?? month) < month ? to.year - 1 : to.year;
  if (context.frameYear !== undefined) return context.frameYear;
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

/**
 * "last February" in a March paper is the February of last year: this year's would be
 * "last month". So "last" + the publication's month or the one before it goes a year
 * back; an earlier month ("last May" in October) is this year's.
 */
function lastMonthYear(sentence: string, hit: ChronoHit, context: ResolveContext): number | undefined {
  const reference = context.reference?.date;
  const month = hit.from.month;
  if (!isBareMonth(hit.from) || reference?.month === undefined || month === undefined) return undefined;
  const before = sentence.slice(Math.max(0, hit.start - 10), hit.start);
  // "in the last March week" is the last week of March, not last year's March.
  if (!/\blast\s+$/iu.test(before) || /\bthe\s+last\s+$/iu.test(before)) return undefined;
  return month >= reference.month - 1 ? reference.year - 1 : undefined;
}

// "January of this year", "March of last year": the year named relative to publication.
const YEAR_PHRASE_AFTER = /^\s+(?:of\s+)?(this|last|next)\s+year\b/iu;
const YEAR_PHRASE_OFFSET: Record<string, number> = { this: 0, last: -1, next: 1 };

function resolveCalendarDate(
  sentence: string,
  hit: ChronoHit,
  context: ResolveContext,
  yearOffset: number | undefined,
): Resolution | undefined {
  const { from, to } = hit;
  const month = from.month;
  if (month === undefined) return undefined;
  const written = from.year !== undefined || to?.year !== undefined || context.frameYear !== undefined;
  const phraseYear =
    yearOffset === undefined ? undefined : (context.reference?.date.year ?? Number.NaN) + yearOffset;
  if (Number.isNaN(phraseYear)) return undefined;
  const year =
    from.year ??
    phraseYear ??
    lastMonthYear(sentence, hit, context) ??
    startYear(hit, month, context, monthTense(sentence, hit, context, context.tense));
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
  // Chrono gives "the end of January" the 31st; the text gives only the month.
  const writtenDay = /\d/u.test(hit.text.replace(/\d{4}/gu, ""));
  if (!writtenDay && /^(?:the\s+)?(?:end|beginning|start|middle)\s+of\b/iu.test(hit.text)) {
    date = truncate(date, "month");
  }
  return { date, day, basis: written && phraseYear === undefined ? "text" : "publication" };
}

function resolveHit(
  sentence: string,
  hit: ChronoHit,
  context: ResolveContext,
  yearOffset: number | undefined,
): Resolution | undefined {
  const casual = CASUAL_OFFSETS[hit.text.toLowerCase()];
  const reference = context.reference;
  if (casual !== undefined) {
    if (reference === undefined) return undefined;
    const day = addDays(reference.day, casual);
    return { date: relativeToReference(reference, day, "day"), day, basis: "publication" };
  }
  if (hit.from.month !== undefined) return resolveCalendarDate(sentence, hit, context, yearOffset);
  // "the previous Friday", "the preceding Monday": the one before the day the story is at.
  const previous = /\b(?:previous|preceding|prior)\s+$/iu.test(
    sentence.slice(Math.max(0, hit.start - 12), hit.start),
  );
  if (
    hit.from.weekday !== undefined &&
    previous &&
    context.anchor !== undefined &&
    !context.anchor.approximate
  ) {
    const day = resolveWeekday(hit.from.weekday, context.anchor.day, "past", "last");
    const date = truncate(day, precisionOf(context.anchor.date));
    return { date, day, basis: "narrative" };
  }
  if (hit.from.weekday !== undefined && reference !== undefined) {
    const tense = weekdayTense(sentence, hit, context.tense);
    const modifier = previous ? "last" : weekdayModifier(hit.text);
    // A deadline, or the publication's own weekday named as having something ("Monday's
    // decline" in a Monday paper): the first on or after publication.
    const fromToday =
      modifier === undefined &&
      (namesDeadline(sentence, hit.start, hit.end) ||
        (isPossessive(sentence, hit) && hit.from.weekday === weekdayOf(reference.day)));
    const day = fromToday
      ? deadlineDay(hit.from.weekday, reference.day)
      : resolveWeekday(hit.from.weekday, reference.day, tense, modifier);
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
 * month names that are not introduced as dates, titles ("Sunday Times"), times of day,
 * figures ("3/4 of the shares", "5-5/16", "Feb 32.9" in a table) are left out.
 */
export function findChronoDates(sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const hit of chronoHits(sentence)) {
    // A quoted "Today" is a title (NBC's "Today" program), not a date.
    const casual = CASUAL_OFFSETS[hit.text.toLowerCase()] !== undefined;
    if (casual && QUOTES.has(sentence[hit.start - 1] ?? "") && QUOTES.has(sentence[hit.end] ?? "")) continue;
    if (!casual && !plausible(sentence, hit)) continue;
    // "now" and the like: chrono dates them to the reference, but they name no date.
    if (!casual && !/\d/u.test(hit.text) && !hasDateName(hit.text)) continue;
    const phrase = isBareMonth(hit.from)
      ? YEAR_PHRASE_AFTER.exec(sentence.slice(hit.end, hit.end + 24))
      : null;
    // "this September", "the current January-March quarter": the publication year's,
    // whichever side of publication it falls.
    const thisMonth =
      isBareMonth(hit.from) &&
      /\b(?:this|current)\s+$/iu.test(sentence.slice(Math.max(0, hit.start - 9), hit.start));
    const yearOffset =
      phrase === null ? (thisMonth ? 0 : undefined) : YEAR_PHRASE_OFFSET[(phrase[1] ?? "").toLowerCase()];
    const since = !casual && yearOffset === undefined && followsSince(sentence, hit.start);
    const weekday = hit.from.weekday !== undefined && hit.from.month === undefined;
    candidates.push({
      start: hit.start,
      end: hit.end + (phrase?.[0].length ?? 0),
      rule: "chrono",
      resolve: (context) => {
        const resolution = resolveHit(sentence, hit, context, yearOffset);
        return since && resolution !== undefined
          ? notAfterPublication(resolution, context.reference, weekday)
          : resolution;
      },
    });
  }
  return candidates;
}

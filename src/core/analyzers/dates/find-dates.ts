import { findBareYears } from "./bare-year.js";
import type { Candidate, NarrativeAnchor } from "./candidate.js";
import { findChronoDates } from "./chrono-dates.js";
import { findCurrentPeriods } from "./current-period.js";
import { mayMentionDate } from "./date-prefilter.js";
import { findDeicticPeriods } from "./deictic-period.js";
import { findHalfYears } from "./half-year.js";
import { findHolidays } from "./holiday.js";
import { leadInStart } from "./lead-in.js";
import { mentionRole } from "./mention-role.js";
import { formatPartialDate, parsePartialDate } from "./partial-date.js";
import { endsPeriod } from "./period-end.js";
import { publicationReference } from "./publication-reference.js";
import { findQuarters } from "./quarter.js";
import { findRelativeOffsets } from "./relative-offset.js";
import { findSeasons } from "./season.js";
import { findSequenceWords } from "./sequence-words.js";
import { findSpelledYears } from "./spelled-year.js";
import { type TenseMarker, tenseAt, tenseMarkers } from "./tense.js";
import type { DateMention } from "./types.js";
import { findYearEnds } from "./year-end.js";

/** Options of findDates. */
export interface FindDatesOptions {
  /** The date the story was last at, which "the next day" or "that morning" follow. */
  anchor?: NarrativeAnchor;
}

// Rules in order of preference when two find overlapping expressions of the same length:
// the rules that read a whole phrase ("last year", "the third quarter of 1989") before
// chrono's readings of its parts, and a bare year last (it is part of most of them).
const RULE_ORDER = [
  "relative-offset",
  "sequence-words",
  "deictic-period",
  "quarter",
  "half-year",
  "current-period",
  "season",
  "holiday",
  "year-end",
  "chrono",
  "spelled-year",
  "bare-year",
];

function candidatesOf(sentence: string): Candidate[] {
  const all = [
    ...findRelativeOffsets(sentence),
    ...findSequenceWords(sentence),
    ...findDeicticPeriods(sentence),
    ...findQuarters(sentence),
    ...findHalfYears(sentence),
    ...findCurrentPeriods(sentence),
    ...findSeasons(sentence),
    ...findHolidays(sentence),
    ...findYearEnds(sentence),
    ...findChronoDates(sentence),
    ...findSpelledYears(sentence),
    ...findBareYears(sentence),
  ];
  // Longest first, so "May 1987" wins over "1987" and "the next day" over "day".
  const ranked = all.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule),
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// "Year-earlier results", "the year-ago quarter": a comparison, whatever rule read it.
const YEAR_AGO = /\byear-(?:ago|earlier)\b/i;

// What may separate a framing date from the dates it frames: "In 2023, on March 14"; after
// a year-ago period also "ended": "the year-ago quarter, the second quarter ended Oct. 31".
// Not after a written fiscal year: "fiscal 1986 ending March 31" is 1987's March in Japan.
const FRAME_GAP = /^[\s,;(]*$/u;
const AGO_FRAME_GAP = /^[\s,;(]*(?:(?:ended|ending)(?:\s+on)?\s*)?$/u;

// Offsets counted from the story's last date ("a year earlier", "the next day").
const OFFSET_RULES = new Set(["relative-offset", "sequence-words"]);

// A counted offset in years: "a year earlier", "two years ago", "the previous year".
const YEARS = /\byears?\b/i;

/**
 * Whether a mention moves the narrative on. An offset in years ("a year earlier", "two
 * years ago") compares rather than narrates: results "a year earlier … a year earlier"
 * both mean the year before the report, not two years back — also when it lands on a
 * day ("the quarter ended Sept. 30 … a year earlier").
 */
function narrates(rule: string, date: string, text: string): boolean {
  if (YEAR_AGO.test(text)) return false;
  return !(OFFSET_RULES.has(rule) && (/^\d{4}$/u.test(date) || YEARS.test(text)));
}

/** The anchor a mention leaves for what follows it. */
export function anchorOf(mention: DateMention): NarrativeAnchor | undefined {
  if (!narrates(mention.rule, mention.date, mention.text)) return undefined;
  const date = parsePartialDate(mention.date);
  const day = parsePartialDate(mention.estimate);
  if (date === undefined || day?.month === undefined || day.day === undefined) return undefined;
  const anchor: NarrativeAnchor = { date, day: { year: day.year, month: day.month, day: day.day } };
  if (mention.approximate) anchor.approximate = true;
  return anchor;
}

/**
 * Finds the date expressions of a sentence and resolves each against the publication
 * date `reference` (ISO partial, or undefined when unknown: then only dates the text
 * states in full are resolved). Chrono reads calendar dates, month names and weekdays;
 * the analyzer's own rules read bare years and relative expressions, and settle what
 * chrono leaves open (which year a month is in, which week a weekday is in, how precise
 * a relative date is). Expressions that cannot be resolved are left out.
 */
export function findDates(
  sentence: string,
  reference: string | undefined,
  options: FindDatesOptions = {},
): DateMention[] {
  if (!mayMentionDate(sentence)) return [];
  const publication = publicationReference(reference);
  let anchor = options.anchor;
  let previousEnd = 0;
  const mentions: DateMention[] = [];
  let markers: TenseMarker[] | undefined;
  let frame: { end: number; year: number; ago: boolean } | undefined;
  let anchorInSentence = false;
  for (const candidate of candidatesOf(sentence)) {
    const leadIn = leadInStart(sentence, candidate.start);
    const framed =
      frame !== undefined && (frame.ago ? AGO_FRAME_GAP : FRAME_GAP).test(sentence.slice(frame.end, leadIn));
    // Only some rules need the tense, and finding it costs more than most rules.
    const resolution = candidate.resolve({
      reference: publication,
      anchor,
      frameYear: framed ? frame?.year : undefined,
      anchorInSentence,
      get tense() {
        markers ??= tenseMarkers(sentence);
        return tenseAt(sentence, candidate.start, candidate.end, markers);
      },
    });
    if (resolution === undefined) continue;
    let start = Math.max(previousEnd, leadIn);
    // Lead-in words cut short by the expression before: no leading space ("year-earlier second quarter").
    while (start < candidate.start && /\s/u.test(sentence[start] ?? "")) start++;
    previousEnd = candidate.end;
    const mention: DateMention = {
      text: sentence.slice(start, candidate.end),
      start,
      end: candidate.end,
      date: formatPartialDate(resolution.date),
      coreStart: candidate.start,
      coreEnd: candidate.end,
      role: mentionRole(sentence, start, candidate.start),
      basis: resolution.basis,
      estimate: formatPartialDate(resolution.day),
      rule: candidate.rule,
    };
    if (resolution.approximate === true) mention.approximate = true;
    // Only within the sentence: "for the quarter ended Sept. 30, … a year earlier".
    const closesPeriod =
      resolution.date.day !== undefined && endsPeriod(sentence, candidate.start, candidate.end);
    mentions.push(mention);
    // A year written, or a year-ago period ("In the year-ago quarter, the second quarter
    // ended Oct. 31, …"), frames the dates set right after it.
    const ago = YEAR_AGO.test(mention.text) || (framed && frame?.ago === true);
    frame =
      resolution.basis === "text" || ago
        ? { end: candidate.end, year: resolution.date.year, ago }
        : undefined;
    if (mention.role !== "comparison" && narrates(mention.rule, mention.date, mention.text)) {
      anchor = { date: resolution.date, day: resolution.day };
      if (resolution.approximate === true) anchor.approximate = true;
      if (closesPeriod) anchor.periodEnd = true;
      anchorInSentence = true;
    }
  }
  return mentions;
}

import { addDays, type CalendarDay, weekdayOf } from "./calendar-day.js";

// ASCII, no `u` flag: it runs on every weekday found.
// "until Friday", "by 9 a.m. EST Tuesday", "until noon Friday".
const TIME = String.raw`(?:(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)\s+(?:(?:EST|EDT|CST|CDT|PST|PDT|GMT|ET)\s+)?)?`;
const LEAD = new RegExp(String.raw`\b(until|till|by|to)\s+${TIME}$`, "i");
// "… until Friday to sign": the time given to do something ("rose by Friday to record
// highs" is not one, so only after "until").
const TO_DO = /^\s+to\s+[a-z]/;
// "extended its deadline until Tuesday", "an ultimatum expiring by Friday", "the vote
// was postponed until Thursday": a day set ahead of the telling.
const DEADLINE_WORD =
  /\b(?:deadline|ultimatum|postponed|postpone|delayed|adjourned|recessed|rescheduled|put\s+off|pushed\s+back)\b/i;
// "Until Thursday, they had not called him a suspect": a past seen from a later past.
const PAST_PERFECT = /\bhad\b/i;

/**
 * Whether a weekday names a deadline or a day put off to: "the court has until Friday to
 * rule", "they gave the rebels until Friday to surrender", "INS extended its deadline
 * until 9 a.m. Tuesday", "the vote was postponed until Thursday". A deadline a story
 * reports is still ahead of it — past verbs date the giving, not the day given — so such
 * a weekday is read as the coming one, like a month given as a deadline. Not in the past
 * perfect ("until Thursday, police had not…") nor as an end already reached ("the strike
 * lasted until Tuesday": no deadline word, no infinitive).
 */
export function namesDeadline(sentence: string, start: number, end: number): boolean {
  const lead = LEAD.exec(sentence.slice(Math.max(0, start - 30), start));
  if (lead === null || PAST_PERFECT.test(sentence)) return false;
  if (DEADLINE_WORD.test(sentence.slice(Math.max(0, start - 60), start))) return true;
  const word = lead[1]?.toLowerCase();
  return (word === "until" || word === "till") && TO_DO.test(sentence.slice(end, end + 12));
}

/** The day a deadline weekday falls on: the first on or after publication ("until Monday" in a Monday paper is today). */
export function deadlineDay(weekday: number, publication: CalendarDay): CalendarDay {
  return addDays(publication, (weekday - weekdayOf(publication) + 7) % 7);
}

import { containsDate, type PartialDate, parsePartialDate } from "./partial-date.js";
import type { DateMention } from "./types.js";

/**
 * The mentions of a sentence that date what it reports. Comparison baselines ("up from
 * 1.2 billion in 1986") never do; the reporting date ("…, it said on Monday") does only
 * when nothing else is dated; an estimate ("weeks before") only when nothing is read
 * from the text. Of nested dates the most specific is kept ("In 2025, on January 26, …"
 * → 2025-01-26): it is what the sentence is about. Distinct dates ("born on February 24,
 * 1955 … in 1976 he started Apple") each date an event of their own.
 */
export function eventMentions(mentions: readonly DateMention[]): DateMention[] {
  if (mentions.length === 0) return [];
  const events = mentions.filter((m) => m.role === "event");
  let pool = events.length > 0 ? events : mentions.filter((m) => m.role === "reporting");
  if (pool.some((m) => m.approximate !== true)) pool = pool.filter((m) => m.approximate !== true);
  const dates = new Map<DateMention, PartialDate>();
  for (const m of pool) {
    const date = parsePartialDate(m.date);
    if (date !== undefined) dates.set(m, date);
  }
  const kept: DateMention[] = [];
  for (const [mention, date] of dates) {
    const coarse = [...dates].some(
      ([other, inner]) => other.date !== mention.date && containsDate(date, inner),
    );
    if (!coarse && !kept.some((k) => k.date === mention.date)) kept.push(mention);
  }
  return kept;
}

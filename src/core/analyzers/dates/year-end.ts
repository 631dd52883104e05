import type { Candidate, Resolution, ResolveContext } from "./candidate.js";
import { middleDay } from "./period-estimate.js";

// ASCII patterns without the `u` flag, like the other rules that run on many sentences.
// "by year-end", "around year end", "since year-end", "the end of the current year" is
// read by the deictic-period rule; "the current year", "the current month".
const YEAR_END = /\b(?:(since|by|before|until|at|around|after)\s+)?(?:the\s+)?year[\s-]end\b/gi;
const CURRENT = /\bthe\s+current\s+(year|month)\b/gi;
const QUICK = /year[\s-]end|current (?:year|month)/i;

function yearEnd(since: boolean) {
  return ({ reference }: ResolveContext): Resolution | undefined => {
    if (reference === undefined) return undefined;
    // "since year-end" looks back to the last one; otherwise the one ahead of the report.
    const year = reference.day.year - (since ? 1 : 0);
    const day = { year, month: 12, day: 31 };
    return { date: { ...day }, day, basis: "publication" };
  };
}

function current(unit: string) {
  return ({ reference }: ResolveContext): Resolution | undefined => {
    if (reference === undefined) return undefined;
    const { year, month } = reference.day;
    const date = unit === "month" && reference.precision !== "year" ? { year, month } : { year };
    return { date, day: middleDay(date), basis: "publication" };
  };
}

/**
 * The year's end and the current period, named from the publication: "by year-end" (the
 * 31st of December of the publication year), "since year-end" (of the year before), "the
 * current year", "the current month".
 */
export function findYearEnds(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(sentence)) return found;
  for (const match of sentence.matchAll(YEAR_END)) {
    const lead = match[1] ?? "";
    const start = match.index + lead.length + (lead === "" ? 0 : match[0].slice(lead.length).search(/\S/));
    found.push({
      start,
      end: match.index + match[0].length,
      rule: "year-end",
      resolve: yearEnd(lead.toLowerCase() === "since"),
    });
  }
  for (const match of sentence.matchAll(CURRENT)) {
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      rule: "year-end",
      resolve: current((match[1] ?? "").toLowerCase()),
    });
  }
  return found;
}

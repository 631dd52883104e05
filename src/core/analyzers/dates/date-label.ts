import { parsePartialDate } from "./partial-date.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * How a timeline says a coarse date, which it places after every day it holds:
 * "sometime in 2025", "sometime in January 2025"; undefined for a day (printed as is)
 * or an unreadable date.
 */
export function coarseDateLabel(date: string): string | undefined {
  const parsed = parsePartialDate(date);
  if (parsed === undefined || parsed.day !== undefined) return undefined;
  if (parsed.month === undefined) return `sometime in ${parsed.year}`;
  return `sometime in ${MONTHS[parsed.month - 1]} ${parsed.year}`;
}

/**
 * The day a date text names, as `YYYY-MM-DD`: an ISO 8601 / W3C datetime keeps the day
 * as the publisher wrote it (its own time zone), other forms (RFC 822 in RSS) are read by
 * `Date` and taken in UTC. Undefined when the text is not a date: a missing date beats a
 * wrong one.
 */
export function publishedDay(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/u.exec(trimmed);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^\d{4}(-\d{2})?$/u.test(trimmed)) return undefined;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  return validDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function validDay(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

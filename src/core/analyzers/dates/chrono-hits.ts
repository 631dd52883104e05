import * as chrono from "chrono-node";

/** The components chrono read in one date, certain ones only. */
export interface ChronoComponents {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
}

/** A date chrono found, reduced to what the rules need. */
export interface ChronoHit {
  /** Offsets in the sentence, trimmed of the punctuation and "on" chrono takes along. */
  start: number;
  end: number;
  text: string;
  from: ChronoComponents;
  /** The end of a range ("Oct 1 to 15"), when chrono read one. */
  to?: ChronoComponents;
  /** A day listed after a dated one ("April 24 and 25"): a date by its neighbour, not by its own text. */
  listed?: true;
}

// Parsers whose readings the dates analyzer replaces: times of day ("at 5 pm") are not
// dates, and relative expressions ("two weeks ago", "3 days later", "this week") need a
// precision and an anchor that chrono does not give (its "3 days later" counts from the
// publication, not from the day the story was at). Their own rules handle them.
const REPLACED_PARSERS = new Set([
  "ENTimeUnitWithinFormatParser",
  "ENTimeExpressionParser",
  "ENTimeUnitAgoFormatParser",
  "ENTimeUnitLaterFormatParser",
  "ENCasualTimeParser",
  "ENRelativeDateFormatParser",
  "ENTimeUnitCasualRelativeFormatParser",
  "ENEndOfCurrentMonthParser",
]);

// Chrono runs every parser's pattern over the whole text, which dominates the cost of
// dating a corpus; a sentence only gets the parsers its words can trigger. Parsers not
// listed here (say, added by a later chrono) always run.
const FAMILIES: { triggers: RegExp[]; parsers: string[] }[] = [
  {
    // A capitalised month name, or one in any case before a number ("APRIL 7", "april 7").
    triggers: [
      /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/,
      /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i,
    ],
    parsers: [
      "ENMonthNameLittleEndianParser",
      "ENMonthNameMiddleEndianParser",
      "ENMonthNameParser",
      "ENYearMonthNameParser",
      "ENYearMonthDayParser",
    ],
  },
  { triggers: [/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/], parsers: ["ENWeekdayParser"] },
  { triggers: [/\b(?:to(?:day|night|morrow)|yesterday|last\s+night)\b/i], parsers: ["ENCasualDateParser"] },
  {
    // Numeric dates ("1/26/2025", "2025-01-26", "3/2025"), not decimals or split years.
    triggers: [/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{4}\b/],
    parsers: ["ISOFormatParser", "SlashDateFormatParser", "ENSlashMonthFormatParser", "ENYearMonthDayParser"],
  },
];
const FAMILY_PARSERS = new Set(FAMILIES.flatMap((family) => family.parsers));

// Refiners for times and time zones, which have nothing to refine without the time parsers.
const TIME_REFINERS = new Set([
  "ExtractTimezoneOffsetRefiner",
  "ExtractTimezoneAbbrRefiner",
  "ENMergeDateTimeRefiner",
  "ForwardDateRefiner",
]);

const base = chrono.en.casual.clone();
base.parsers = base.parsers.filter((p) => !REPLACED_PARSERS.has(p.constructor.name));
base.refiners = base.refiners.filter((r) => !TIME_REFINERS.has(r.constructor.name));
const parsersByMask = new Map<number, chrono.Chrono>();

function parserFor(mask: number): chrono.Chrono {
  let parser = parsersByMask.get(mask);
  if (parser === undefined) {
    const wanted = new Set(FAMILIES.flatMap((family, i) => (mask & (1 << i) ? family.parsers : [])));
    parser = base.clone();
    parser.parsers = base.parsers.filter(
      (p) => !FAMILY_PARSERS.has(p.constructor.name) || wanted.has(p.constructor.name),
    );
    parsersByMask.set(mask, parser);
  }
  return parser;
}

// Only the certain components are used, so the reference chrono sees does not matter;
// a fixed leap year keeps "Feb 29" from being dropped before the real year is known.
const FIXED_REFERENCE = new Date(2000, 5, 15, 12);
const COMPONENTS = ["year", "month", "day", "weekday"] as const;

function certain(components: chrono.ParsedComponents): ChronoComponents {
  const known: ChronoComponents = {};
  for (const name of COMPONENTS) {
    const value = components.get(name);
    if (value !== null && components.isCertain(name)) known[name] = value;
  }
  return known;
}

/** The dates chrono's English casual parser finds in a sentence (`forwardDate: false`). */
export function chronoHits(sentence: string): ChronoHit[] {
  let mask = 0;
  FAMILIES.forEach((family, i) => {
    if (family.triggers.some((trigger) => trigger.test(sentence))) mask |= 1 << i;
  });
  const hits: ChronoHit[] = [];
  if (mask === 0) return hits;
  for (const result of parserFor(mask).parse(sentence, FIXED_REFERENCE, { forwardDate: false })) {
    const raw = result.text;
    const lead = /^(?:[\s,(（]|on\s+)*/iu.exec(raw)?.[0].length ?? 0;
    // Trailing punctuation, and an "of"/"in" chrono took while looking for a year.
    const trail = /(?:[\s,)）]|\s+(?:of|in)$)*$/iu.exec(raw.slice(lead))?.[0].length ?? 0;
    const start = result.index + lead;
    const end = result.index + raw.length - trail;
    if (end <= start) continue;
    const hit: ChronoHit = { start, end, text: sentence.slice(start, end), from: certain(result.start) };
    if (result.end) hit.to = certain(result.end);
    hits.push(...splitMixedRange(sentence, hit));
  }
  if (mask & 1) hits.push(...leadMays(sentence, hits), ...listedDays(sentence, hits));
  return hits.sort((a, b) => a.start - b.start);
}

// Chrono reads "May" alone only after "in" (it is too often the verb or a name); after
// these words it is the month: "last May", "since May", "by mid-May".
const MAY_AFTER_LEAD =
  /\b(?:last|next|this|since|by|until|till|through|during|early|late|mid|before|after|from)\s*-?\s*(May)\b(?!\s*\d|\s+[A-Z])/g;

function leadMays(sentence: string, hits: readonly ChronoHit[]): ChronoHit[] {
  const found: ChronoHit[] = [];
  for (const match of sentence.matchAll(MAY_AFTER_LEAD)) {
    const end = match.index + match[0].length;
    const start = end - 3;
    if (hits.some((hit) => hit.start < end && start < hit.end)) continue;
    found.push({ start, end, text: "May", from: { month: 5 } });
  }
  return found;
}

const RANGE_JOINT = /,?\s+(?:to|through|until|till|and)\s+|\s*[-–]\s*/u;

function weekdayOnly(components: ChronoComponents | undefined): boolean {
  return components?.weekday !== undefined && components.month === undefined;
}

// "from Aug. 26 to Oct. 20": two days the text gives, which no finer period than a year
// would hold together; read as two dates, each as precise as written.
function daysOfTwoMonths(from: ChronoComponents, to: ChronoComponents): boolean {
  return (
    from.day !== undefined &&
    to.day !== undefined &&
    from.month !== undefined &&
    to.month !== undefined &&
    from.month !== to.month
  );
}

/**
 * A "range" from a weekday to a calendar date ("revised Friday to December's figures",
 * "due to expire last Thursday, to Nov. 6") is two dates chrono joined: split it at the
 * joining word, each part read on its own.
 */
function splitMixedRange(sentence: string, hit: ChronoHit): ChronoHit[] {
  if (hit.to === undefined) return [hit];
  if (weekdayOnly(hit.from) === weekdayOnly(hit.to) && !daysOfTwoMonths(hit.from, hit.to)) return [hit];
  const joint = RANGE_JOINT.exec(hit.text);
  if (joint === null) return [hit];
  const firstEnd = hit.start + joint.index;
  const secondStart = firstEnd + joint[0].length;
  return [
    { start: hit.start, end: firstEnd, text: sentence.slice(hit.start, firstEnd), from: hit.from },
    { start: secondStart, end: hit.end, text: sentence.slice(secondStart, hit.end), from: hit.to },
  ];
}

// "on April 24 and 25", "March 3, 5 and 9": further days of the same month. Not a
// figure ("May 5 and 6 percent", "June 3 and 4.5"), nor a day that does not follow.
const LISTED_DAY =
  /^(?:,\s*|\s+(?:and|or|&)\s+)(\d{1,2})\b(?![.,]\d|\s*(?:%|percent|per\s+cent|pct|[ap]\.?m\b|million|billion|cents?|points?))/iu;

function listedDays(sentence: string, hits: readonly ChronoHit[]): ChronoHit[] {
  const found: ChronoHit[] = [];
  for (const hit of hits) {
    const month = hit.from.month;
    let day = hit.from.day;
    if (month === undefined || day === undefined || hit.to !== undefined) continue;
    let end = hit.end;
    for (;;) {
      const next = LISTED_DAY.exec(sentence.slice(end));
      const listed = Number(next?.[1]);
      if (next === null || !(listed > day && listed <= 31)) break;
      const start = end + next[0].length - (next[1] ?? "").length;
      end += next[0].length;
      const from: ChronoComponents = { month, day: listed };
      if (hit.from.year !== undefined) from.year = hit.from.year;
      found.push({ start, end, text: sentence.slice(start, end), from, listed: true });
      day = listed;
    }
  }
  return found;
}

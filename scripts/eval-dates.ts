/**
 * Evaluation of date detection and normalisation on the TempEval-3 training data
 * (TBAQ-cleaned TimeML: every time expression with its normalised `value`, the
 * publication date in `<DCT>`). The tags are stripped, the text split into paragraphs
 * and sentences as the corpus loader does, and the project's dates analyzer
 * (`documentMentions`, the same call `/timeline` makes) reads it against the DCT.
 *
 * - Coverage: share of gold `DATE` TIMEX3 that a detected date expression overlaps.
 * - Value accuracy: over covered golds whose value names a calendar period, the share
 *   whose detected date lies inside the gold period, or equals the finest ISO partial
 *   date that holds it (a quarter `1998-Q3` → `1998`; ISO partial dates have no quarters).
 *
 * The files are split in two halves, alternately by name: `dev` (even positions, looked
 * at while writing rules) and `held-out` (odd positions, only measured).
 *
 * Run on its own: `npx tsx scripts/eval-dates.ts [tempeval-dir] [--misses dev|held-out]`.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type CalendarDay,
  dayNumber,
  fromDayNumber,
  weekdayOf,
} from "../src/core/analyzers/dates/calendar-day.js";
import { documentMentions } from "../src/core/analyzers/dates/document-mentions.js";
import {
  containingPartial,
  firstDay,
  formatPartialDate,
  lastDay,
  type PartialDate,
  parsePartialDate,
} from "../src/core/analyzers/dates/partial-date.js";
import type { DateMention } from "../src/core/analyzers/dates/types.js";
import type { NewsDocument, Paragraph } from "../src/core/model.js";
import { splitSentences } from "../src/core/text/sentences.js";

/** A gold DATE expression with its offsets in the article's plain text. */
export interface GoldDate {
  start: number;
  end: number;
  text: string;
  value: string;
}

/** An article of the TempEval data, tags removed. */
export interface TempevalDocument {
  docId: string;
  dct: string;
  text: string;
  dates: GoldDate[];
}

/** Figures for one half of the data. */
export interface DatesScores {
  documents: number;
  /** Gold DATE TIMEX3, all of them. */
  goldAll: number;
  covered: number;
  /** Gold DATE TIMEX3 whose value names a calendar period (`1998`, `1998-Q3`, `1998-10-XX`…). */
  goldCalendar: number;
  coveredCalendar: number;
  /** Covered calendar golds whose value could be compared (a decade cannot be an ISO partial date). */
  valueTotal: number;
  valueCorrect: number;
  /** Uncovered golds and wrong values, by class of expression. */
  misses: Map<string, { missed: string[]; wrong: string[] }>;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Reads a TimeML file: its DCT, plain text and DATE TIMEX3 spans. */
export function parseTempeval(docId: string, xml: string): TempevalDocument | undefined {
  const dct = /<DCT>[\s\S]*?value="(\d{4}-\d{2}-\d{2})/u.exec(xml)?.[1];
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/u.exec(xml)?.[1];
  if (dct === undefined || body === undefined) return undefined;
  let text = "";
  const dates: GoldDate[] = [];
  let open: { start: number; type: string; value: string } | undefined;
  for (const part of body.split(/(<[^>]+>)/u)) {
    if (!part.startsWith("<")) {
      text += part.replace(/&(amp|lt|gt|quot|apos);/gu, (_, name: string) => ENTITIES[name] ?? "");
    } else if (part.startsWith("<TIMEX3")) {
      open = {
        start: text.length,
        type: /\btype="([^"]*)"/u.exec(part)?.[1] ?? "",
        value: /\bvalue="([^"]*)"/u.exec(part)?.[1] ?? "",
      };
    } else if (part.startsWith("</TIMEX3") && open !== undefined) {
      if (open.type === "DATE") {
        dates.push({
          start: open.start,
          end: text.length,
          text: text.slice(open.start, text.length),
          value: open.value,
        });
      }
      open = undefined;
    }
  }
  return { docId, dct, text, dates };
}

/** The article as a NewsDocument: paragraphs at blank lines (line breaks inside one become spaces). */
export function tempevalToNewsDocument(doc: TempevalDocument): NewsDocument {
  const paragraphs: Paragraph[] = [];
  for (const match of doc.text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/gu)) {
    const raw = match[0];
    if (raw.trim() === "") continue;
    const text = raw.replace(/\n/gu, " ");
    paragraphs.push({
      number: paragraphs.length + 1,
      kind: "text",
      text,
      offset: match.index,
      sentences: splitSentences(text),
    });
  }
  return {
    id: doc.docId,
    title: doc.docId,
    file: `${doc.docId}.tml`,
    body: doc.text,
    paragraphs,
    published: doc.dct,
  };
}

/** Every mention with its offsets in the document's text. */
function mentionsInText(document: NewsDocument): { start: number; end: number; mention: DateMention }[] {
  const found: { start: number; end: number; mention: DateMention }[] = [];
  for (const [paragraph, sentences] of documentMentions(document)) {
    sentences.forEach((mentions, index) => {
      const sentence = paragraph.sentences[index];
      if (sentence === undefined) return;
      for (const mention of mentions) {
        const base = paragraph.offset + sentence.start;
        found.push({ start: base + mention.start, end: base + mention.end, mention });
      }
    });
  }
  return found;
}

/** The calendar period a gold value names (first and last day), or undefined (`PAST_REF`, `XXXX`, a decade). */
export function goldPeriod(value: string): [CalendarDay, CalendarDay] | undefined {
  const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(value);
  const year = Number(/^(\d{4})/u.exec(value)?.[1] ?? Number.NaN);
  if (Number.isNaN(year)) return undefined;
  const rest = value.slice(4);
  const quarter = /^-Q([1-4])/u.exec(rest);
  if (quarter) {
    const q = Number(quarter[1]);
    return [firstDay({ year, month: 3 * q - 2 }), lastDay({ year, month: 3 * q })];
  }
  const half = /^-H([12])/u.exec(rest);
  if (half)
    return half[1] === "1"
      ? [firstDay({ year, month: 1 }), lastDay({ year, month: 6 })]
      : [firstDay({ year, month: 7 }), lastDay({ year, month: 12 })];
  const season = /^-(SP|SU|FA|WI)/u.exec(rest);
  if (season) {
    const months: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 2] };
    const [from, to] = months[season[1] ?? "SU"] ?? [6, 8];
    return from > to
      ? [firstDay({ year, month: from }), lastDay({ year: year + 1, month: to })]
      : [firstDay({ year, month: from }), lastDay({ year, month: to })];
  }
  const week = /^-W(\d{2})/u.exec(rest);
  if (week) {
    // ISO week: the week holding January 4th is week 1.
    const jan4: CalendarDay = { year, month: 1, day: 4 };
    const monday = dayNumber(jan4) - ((weekdayOf(jan4) + 6) % 7) + 7 * (Number(week[1]) - 1);
    return [fromDayNumber(monday), fromDayNumber(monday + 6)];
  }
  const partial = parsePartialDate(
    [date?.[1], date?.[2], date?.[3]].filter((p): p is string => p !== undefined).join("-"),
  );
  if (partial === undefined) return undefined;
  return [firstDay(partial), lastDay(partial)];
}

/**
 * True when a detected date is no coarser than the gold: its period lies inside the
 * gold's, or it is the finest ISO partial date holding the gold period.
 */
export function valueAgrees(predicted: string, gold: [CalendarDay, CalendarDay]): boolean {
  const p = parsePartialDate(predicted);
  if (p === undefined) return false;
  const [from, to] = gold;
  if (dayNumber(firstDay(p)) >= dayNumber(from) && dayNumber(lastDay(p)) <= dayNumber(to)) return true;
  const holding: PartialDate | undefined = containingPartial(from, to);
  return holding !== undefined && formatPartialDate(holding) === predicted;
}

// Ordered: the first class whose pattern matches names the miss.
const CLASSES: [string, RegExp][] = [
  ["reference (now, recently, former)", /^(?:PRESENT_REF|PAST_REF|FUTURE_REF)$/u],
  ["decade / century", /^\d{2,3}X?$|^\d{3}X/u],
  ["unknown value (XXXX)", /^X/u],
  ["quarter / half", /-[QH]/u],
  ["season", /-(?:SP|SU|FA|WI)/u],
  ["week", /-W/u],
];
const TEXT_CLASSES: [string, RegExp][] = [
  ["fiscal year", /fiscal|\bFY/iu],
  ["range", /\b(?:to|through|-|–)\b.*\d|\bbetween\b/iu],
  ["weekday", /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/iu],
  ["month and day", /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/iu],
  ["month name", /\b(?:jan|feb|march|april|may|june|july|aug|sep|oct|nov|dec)[a-z]*\b/iu],
  ["today / yesterday / tomorrow", /\b(?:today|yesterday|tomorrow|tonight)\b/iu],
  ["this / last / next period", /\b(?:this|last|next|past|previous|coming|current)\b/iu],
  ["ago / earlier / later", /\b(?:ago|earlier|later|before|after|since)\b/iu],
  ["year in figures", /\b\d{4}\b|'\d\d\b/u],
];

/** The class of a gold expression, for the misses report. */
export function classOf(gold: GoldDate): string {
  for (const [name, pattern] of CLASSES) if (pattern.test(gold.value)) return name;
  for (const [name, pattern] of TEXT_CLASSES) if (pattern.test(gold.text)) return name;
  return "other";
}

/** Scores the analyzer on some documents. */
export function scoreDates(docs: readonly TempevalDocument[]): DatesScores {
  const scores: DatesScores = {
    documents: docs.length,
    goldAll: 0,
    covered: 0,
    goldCalendar: 0,
    coveredCalendar: 0,
    valueTotal: 0,
    valueCorrect: 0,
    misses: new Map(),
  };
  const note = (gold: GoldDate, kind: "missed" | "wrong", line: string): void => {
    const name = classOf(gold);
    const entry = scores.misses.get(name) ?? { missed: [], wrong: [] };
    entry[kind].push(line);
    scores.misses.set(name, entry);
  };
  for (const doc of docs) {
    const found = mentionsInText(tempevalToNewsDocument(doc));
    for (const gold of doc.dates) {
      const calendar = /^\d{4}/u.test(gold.value);
      scores.goldAll++;
      if (calendar) scores.goldCalendar++;
      const match = found.find((f) => f.start < gold.end && gold.start < f.end);
      const context = doc.text.slice(Math.max(0, gold.start - 40), gold.end + 25).replace(/\s+/gu, " ");
      if (match === undefined) {
        note(gold, "missed", `${doc.docId} [${gold.text}] ${gold.value} DCT ${doc.dct} … ${context}`);
        continue;
      }
      scores.covered++;
      if (!calendar) continue;
      scores.coveredCalendar++;
      const period = goldPeriod(gold.value);
      if (period === undefined) continue;
      scores.valueTotal++;
      if (valueAgrees(match.mention.date, period)) scores.valueCorrect++;
      else {
        note(
          gold,
          "wrong",
          `${doc.docId} [${gold.text}] gold ${gold.value}, ours ${match.mention.date} ("${match.mention.text}") DCT ${doc.dct} … ${context}`,
        );
      }
    }
  }
  return scores;
}

/** Reads the data and scores both halves. */
export async function evaluateDates(dataDir: string): Promise<{ dev: DatesScores; heldOut: DatesScores }> {
  const docs: TempevalDocument[] = [];
  for (const sub of ["AQUAINT", "TimeBank"]) {
    const dir = join(dataDir, sub);
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".tml")).sort()) {
      const doc = parseTempeval(file.replace(/\.tml$/u, ""), await readFile(join(dir, file), "utf8"));
      if (doc !== undefined) docs.push(doc);
    }
  }
  return {
    dev: scoreDates(docs.filter((_, i) => i % 2 === 0)),
    heldOut: scoreDates(docs.filter((_, i) => i % 2 === 1)),
  };
}

function pct(n: number, d: number): string {
  return d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
}

/** The figures of both halves as a small table. */
export function formatDatesReport(report: { dev: DatesScores; heldOut: DatesScores }): string {
  const rows: [string, (s: DatesScores) => string][] = [
    ["documents", (s) => String(s.documents)],
    ["coverage, calendar DATE", (s) => pct(s.coveredCalendar, s.goldCalendar)],
    ["coverage, every DATE", (s) => pct(s.covered, s.goldAll)],
    ["value accuracy", (s) => pct(s.valueCorrect, s.valueTotal)],
  ];
  const lines = ["| measure | dev half | held-out half |", "|---|---|---|"];
  for (const [label, cell] of rows)
    lines.push(`| ${label} | ${cell(report.dev)} | ${cell(report.heldOut)} |`);
  lines.push("", "Misses by class (held-out half): class — not covered / wrong value");
  const classes = [...report.heldOut.misses].sort(
    (a, b) => b[1].missed.length + b[1].wrong.length - (a[1].missed.length + a[1].wrong.length),
  );
  for (const [name, { missed, wrong }] of classes)
    lines.push(`  ${name} — ${missed.length} / ${wrong.length}`);
  return lines.join("\n");
}

async function main(argv: string[]): Promise<void> {
  const flag = argv.indexOf("--misses");
  const which = flag >= 0 ? argv[flag + 1] : undefined;
  const positional = argv.filter((arg, i) => !arg.startsWith("--") && (flag < 0 || i !== flag + 1));
  const report = await evaluateDates(resolve(positional[0] ?? "../shared/data/tempeval3-train"));
  console.log(formatDatesReport(report));
  if (which !== undefined) {
    const scores = which === "held-out" ? report.heldOut : report.dev;
    for (const [name, { missed, wrong }] of scores.misses) {
      console.log(`\n## ${name}`);
      for (const line of missed) console.log(`  MISS ${line}`);
      for (const line of wrong) console.log(`  WRONG ${line}`);
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

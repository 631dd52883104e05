/**
 * Evaluation of the dates analyzer behind `/timeline` on the SemEval-2015 Task 4
 * (TimeLine) trial data: TimeML articles (`timeml/*.tml`, publication date in `<DCT>`,
 * time expressions as `<TIMEX3>`) and gold cross-document timelines (`gold-timelines/*.txt`).
 *
 * Run on its own: `npx tsx scripts/eval-timeline.ts [semeval-dir] [--reuters path.jsonl]`.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { answerTimeline } from "../commands/timeline.js";
import { dayNumber } from "../src/core/analyzers/dates/calendar-day.js";
import { extractEvents, groupEvents } from "../src/core/analyzers/dates/extract-events.js";
import { findDates } from "../src/core/analyzers/dates/find-dates.js";
import {
  coarser,
  containsDate,
  firstDay,
  formatPartialDate,
  parsePartialDate,
  precisionOf,
  truncate,
} from "../src/core/analyzers/dates/partial-date.js";
import type { DatedEvent } from "../src/core/analyzers/dates/types.js";
import { applyMetadata } from "../src/core/corpus/metadata.js";
import { parseJsonLines } from "../src/core/corpus/parse-records.js";
import { Engine } from "../src/core/engine.js";
import { PassageStore } from "../src/core/index/passages.js";
import type { NewsDocument, Paragraph, Sentence } from "../src/core/model.js";

/** Precision, recall and F1 of a set of predictions against gold items; null when undefined (0/0). */
export interface PrfScores {
  predicted: number;
  gold: number;
  /** Predictions that match some gold item. */
  truePositives: number;
  /** Gold items matched by some prediction. */
  goldFound: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** A share of successes, null when there was nothing to count. */
export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number | null;
}

/** Everything the timeline evaluation measures. */
export interface TimelineEvalReport {
  dataDir: string;
  documents: number;
  sentences: number;
  /** TIMEX3 of the publication dates (`<DCT>`): metadata, used as the reference, never scored. */
  dctTimexes: number;
  /** TIMEX3 of type DATE inside the text: the gold for (a) and (b). */
  goldDateTimexes: number;
  /** Date expressions the analyzer found in the text. */
  mentions: number;
  /** (a) detection, exact span (the expression proper, lead-in words like "in" left out). */
  detectionExact: PrfScores;
  /** (a) detection, any overlap. */
  detectionOverlap: PrfScores;
  /** (b) resolved value equal to the gold value at the precision output, over overlapping pairs. */
  valueAccuracy: Accuracy;
  /** (c) gold timeline events with a date: does the analyzer date their sentence, and right? */
  timeline: {
    /** Gold event mentions with a date (not `XXXX-XX-XX`; `2008-03-XX` counts as `2008-03`) in articles of the data. */
    goldDated: number;
    /** …whose sentence the analyzer gives at least one event. */
    covered: Accuracy;
    /** Covered ones where some event of the sentence has the gold date, at the coarser precision of the two. */
    anyEventCorrect: Accuracy;
    /** Covered ones where the sentence's first event has the gold date (at the coarser precision). */
    firstEventCorrect: Accuracy;
    /** Covered ones where some event's date string is exactly the gold date. */
    exactCorrect: Accuracy;
    /** All gold dated events, dating an uncovered sentence by its publication date. */
    withPublicationFallback: Accuracy;
    /** Baseline: every event dated by its article's publication date. */
    publicationBaseline: Accuracy;
  };
  /** (d) each article's first line is its dateline ("June 8 , 2010"): resolved to the DCT? */
  datelines: Accuracy;
  notes: string[];
}

/** A TIMEX3 in a sentence's plain text. */
export interface TimexSpan {
  start: number;
  end: number;
  type: string;
  value: string;
}

/** A sentence of a TimeML article, tags removed. */
export interface TimemlSentence {
  id: number;
  text: string;
  timexes: TimexSpan[];
}

/** A TimeML article of the trial data. */
export interface TimemlDocument {
  docId: string;
  dct: string | undefined;
  dctTimexes: number;
  sentences: TimemlSentence[];
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/gu, (_, name: string) => XML_ENTITIES[name] ?? "");
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`, "u").exec(tag)?.[1];
}

/** Reads one TimeML sentence: its plain text and the TIMEX3 spans in it. */
function readSentence(id: number, inner: string): TimemlSentence {
  let text = "";
  const timexes: TimexSpan[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  for (const part of inner.split(/(<[^>]+>)/u)) {
    if (!part.startsWith("<")) {
      text += decodeEntities(part);
    } else if (part.startsWith("<TIMEX3")) {
      open.push({
        start: text.length,
        type: attribute(part, "type") ?? "",
        value: attribute(part, "value") ?? "",
      });
    } else if (part.startsWith("</TIMEX3")) {
      const timex = open.pop();
      if (timex) timexes.push({ ...timex, end: text.length });
    }
  }
  return { id, text, timexes };
}

/** Reads a TimeML file of the trial data. */
export function parseTimeml(docId: string, xml: string): TimemlDocument {
  const dctBlock = /<DCT>([\s\S]*?)<\/DCT>/u.exec(xml)?.[1] ?? "";
  const dct = attribute(dctBlock, "value");
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/u.exec(xml)?.[1] ?? "";
  const sentences = Array.from(body.matchAll(/<s id="(\d+)">([\s\S]*?)<\/s>/gu), (m) =>
    readSentence(Number(m[1]), m[2] ?? ""),
  );
  return {
    docId,
    dct: dct === undefined || parsePartialDate(dct) === undefined ? undefined : dct,
    dctTimexes: dctBlock.includes("<TIMEX3") ? 1 : 0,
    sentences,
  };
}

/**
 * The article as a NewsDocument: one paragraph holding every sentence, so the narrative
 * anchor ("the next day") carries across sentences as it would within a paragraph.
 */
export function timemlToNewsDocument(doc: TimemlDocument): NewsDocument {
  let text = "";
  const sentences: Sentence[] = [];
  for (const sentence of doc.sentences) {
    if (text !== "") text += " ";
    sentences.push({ start: text.length, end: text.length + sentence.text.length });
    text += sentence.text;
  }
  const paragraph: Paragraph = { number: 1, kind: "text", text, offset: 0, sentences };
  const document: NewsDocument = {
    id: doc.docId,
    title: doc.docId,
    file: `${doc.docId}.tml`,
    body: text,
    paragraphs: [paragraph],
  };
  if (doc.dct !== undefined) document.published = doc.dct;
  return document;
}

function prf(predicted: number, gold: number, truePositives: number, goldFound: number): PrfScores {
  // With no gold annotation at all, unmatched predictions say nothing about precision.
  const precision = predicted === 0 || gold === 0 ? null : truePositives / predicted;
  const recall = gold === 0 ? null : goldFound / gold;
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  return { predicted, gold, truePositives, goldFound, precision, recall, f1 };
}

function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total === 0 ? null : correct / total };
}

/**
 * True when two ISO partial dates agree at the coarser of their precisions: the
 * analyzer's `2010-06` agrees with gold `2010-06-07` (equal at the precision output),
 * and its `2004-06-01` with gold `2004`.
 */
export function agreeAtPrecision(predicted: string, gold: string): boolean {
  const p = parsePartialDate(predicted);
  const g = parsePartialDate(gold);
  if (p === undefined || g === undefined) return false;
  const precision = coarser(precisionOf(p), precisionOf(g));
  return formatPartialDate(truncate(p, precision)) === formatPartialDate(truncate(g, precision));
}

/** A gold date as an ISO partial date: "2008-03-XX" → "2008-03"; undefined when undated ("XXXX-XX-XX"). */
export function goldPartialDate(value: string): string | undefined {
  const trimmed = value.trim().replace(/(?:-X+)+$/u, "");
  return parsePartialDate(trimmed) === undefined ? undefined : trimmed;
}

/** Gold timeline entries with a date: `[docId, sentence id, date]`. */
async function readGoldTimelines(dir: string): Promise<[string, number, string][]> {
  const entries: [string, number, string][] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort()) {
    const lines = (await readFile(join(dir, file), "utf8")).split("\n").slice(1);
    for (const line of lines) {
      const [, value, ...mentions] = line.trim().split("\t");
      const date = value === undefined ? undefined : goldPartialDate(value);
      if (date === undefined) continue;
      for (const mention of mentions) {
        const [docId, sentence] = mention.split("-");
        if (docId !== undefined && sentence !== undefined) entries.push([docId, Number(sentence), date]);
      }
    }
  }
  return entries;
}

/** Every TimeML article of the trial data's `timeml/` folder, in file-name order, each with its numeric id. */
async function readTimemlFolder(dataDir: string): Promise<TimemlDocument[]> {
  const timemlDir = join(dataDir, "timeml");
  const files = (await readdir(timemlDir)).filter((f) => f.endsWith(".tml")).sort();
  const docs: TimemlDocument[] = [];
  for (const file of files) {
    const docId = /^(\d+)/u.exec(basename(file))?.[1] ?? basename(file, ".tml");
    docs.push(parseTimeml(docId, await readFile(join(timemlDir, file), "utf8")));
  }
  return docs;
}

/** Evaluates the dates analyzer on the SemEval-2015 TimeLine trial data in `dataDir`. */
export async function evaluateTimeline(dataDir: string): Promise<TimelineEvalReport> {
  const docs = await readTimemlFolder(dataDir);
  const newsDocuments = docs.map(timemlToNewsDocument);
  const store = new PassageStore(newsDocuments);

  // (a), (b): date expressions against in-text TIMEX3 of type DATE.
  let predicted = 0;
  let gold = 0;
  let exactTp = 0;
  let exactFound = 0;
  let overlapTp = 0;
  let overlapFound = 0;
  let valueCorrect = 0;
  let valueTotal = 0;
  let datelineCorrect = 0;
  let datelineTotal = 0;
  for (const doc of docs) {
    for (const sentence of doc.sentences) {
      const mentions = findDates(sentence.text, doc.dct);
      const goldDates = sentence.timexes.filter((t) => t.type === "DATE");
      predicted += mentions.length;
      gold += goldDates.length;
      const overlaps = (m: { coreStart: number; coreEnd: number }, t: TimexSpan): boolean =>
        m.coreStart < t.end && t.start < m.coreEnd;
      const exact = (m: { coreStart: number; coreEnd: number }, t: TimexSpan): boolean =>
        m.coreStart === t.start && m.coreEnd === t.end;
      exactTp += mentions.filter((m) => goldDates.some((t) => exact(m, t))).length;
      overlapTp += mentions.filter((m) => goldDates.some((t) => overlaps(m, t))).length;
      exactFound += goldDates.filter((t) => mentions.some((m) => exact(m, t))).length;
      for (const t of goldDates) {
        const match = mentions.find((m) => overlaps(m, t));
        if (match === undefined) continue;
        overlapFound++;
        valueTotal++;
        if (agreeAtPrecision(match.date, t.value)) valueCorrect++;
      }
      // (d): the dateline, the first sentence when it is a date alone.
      if (
        sentence.id === 1 &&
        doc.dct !== undefined &&
        /^[A-Z][a-z]+ \d{1,2} , \d{4}$/u.test(sentence.text.trim())
      ) {
        datelineTotal++;
        if (mentions[0]?.date === doc.dct) datelineCorrect++;
      }
    }
  }

  // (c): the events of each sentence against the gold timelines.
  const events = extractEvents(store.all);
  const bySentence = new Map<string, DatedEvent[]>();
  for (const event of events) {
    const passage = store.get(event.passageId);
    if (passage === undefined) continue;
    const key = `${passage.document.id}-${passage.sentenceIndex + 1}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), event]);
  }
  const dctOf = new Map(docs.map((d) => [d.docId, d.dct]));
  const allGoldEvents = await readGoldTimelines(join(dataDir, "gold-timelines"));
  // The gold timelines also cite an article the trial data does not include.
  const goldEvents = allGoldEvents.filter(([docId]) => dctOf.has(docId));
  const missingDocs = new Set(allGoldEvents.filter(([docId]) => !dctOf.has(docId)).map(([docId]) => docId));
  let covered = 0;
  let anyCorrect = 0;
  let firstCorrect = 0;
  let exactCorrect = 0;
  let fallbackCorrect = 0;
  let baselineCorrect = 0;
  for (const [docId, sentenceId, date] of goldEvents) {
    const dct = dctOf.get(docId);
    const ours = bySentence.get(`${docId}-${sentenceId}`) ?? [];
    if (dct !== undefined && agreeAtPrecision(dct, date)) baselineCorrect++;
    if (ours.length === 0) {
      if (dct !== undefined && agreeAtPrecision(dct, date)) fallbackCorrect++;
      continue;
    }
    covered++;
    if (ours.some((e) => agreeAtPrecision(e.date, date))) {
      anyCorrect++;
      fallbackCorrect++;
    }
    if (ours[0] !== undefined && agreeAtPrecision(ours[0].date, date)) firstCorrect++;
    if (ours.some((e) => e.date === date)) exactCorrect++;
  }

  const notes: string[] = [];
  if (gold === 0) {
    notes.push(
      "This trial data annotates no TIMEX3 inside the text (only each article's <DCT>), so (a) detection " +
        "and (b) value accuracy have no gold to score against here; the code scores them whenever in-text " +
        "TIMEX3 are present (e.g. on the full TimeML release).",
    );
  }
  if (missingDocs.size > 0) {
    const skipped = allGoldEvents.length - goldEvents.length;
    notes.push(
      `${skipped} gold timeline event(s) cite article(s) not in the data (${[...missingDocs].join(", ")}); left out.`,
    );
  }
  notes.push(
    "Timeline accuracy compares dates at the coarser of the two precisions; 'any event' is lenient " +
      "(the gold names the event word, the analyzer only dates sentences).",
  );
  return {
    dataDir,
    documents: docs.length,
    sentences: store.all.length,
    dctTimexes: docs.reduce((n, d) => n + d.dctTimexes, 0),
    goldDateTimexes: gold,
    mentions: predicted,
    detectionExact: prf(predicted, gold, exactTp, exactFound),
    detectionOverlap: prf(predicted, gold, overlapTp, overlapFound),
    valueAccuracy: accuracy(valueCorrect, valueTotal),
    timeline: {
      goldDated: goldEvents.length,
      covered: accuracy(covered, goldEvents.length),
      anyEventCorrect: accuracy(anyCorrect, covered),
      firstEventCorrect: accuracy(firstCorrect, covered),
      exactCorrect: accuracy(exactCorrect, covered),
      withPublicationFallback: accuracy(fallbackCorrect, goldEvents.length),
      publicationBaseline: accuracy(baselineCorrect, goldEvents.length),
    },
    datelines: accuracy(datelineCorrect, datelineTotal),
    notes,
  };
}

/** The `/timeline <entity>` answers against the gold timelines, as the issue's held-out measure. */
export interface TimelineAnswerReport {
  entities: number;
  /** Gold events (one per line of a gold timeline) in articles of the data. */
  goldEvents: number;
  /** Answer items; an item matches a gold event when it cites the event's article and contains its sentence. */
  scores: PrfScores;
  /** Matched gold events with a date shown by an item whose date agrees with it (at the coarser precision). */
  datedCorrectly: Accuracy;
  /** Pairs of matched gold events with different dates, neither holding the other, shown on different items: in the gold's order? */
  order: Accuracy;
  /** Pairs whose gold dates nest (2010 and 2010-06-07): in the gold's order (the coarser first)? */
  nestedOrder: Accuracy;
  /** Items whose date is inferred from context (no date expression in the sentence). */
  inferredItems: number;
}

interface GoldEvent {
  order: number;
  date: string | undefined;
  /** `docId-sentence` of each mention. */
  sentences: string[];
}

async function readGoldEvents(path: string): Promise<{ entity: string; events: GoldEvent[] }> {
  const [entity = "", ...lines] = (await readFile(path, "utf8")).split("\n");
  const events: GoldEvent[] = [];
  for (const line of lines) {
    const [order, value, ...mentions] = line.trim().split("\t");
    if (order === undefined || value === undefined || mentions.length === 0) continue;
    events.push({
      order: Number(order),
      date: goldPartialDate(value),
      sentences: mentions.map((m) => m.split("-").slice(0, 2).join("-")),
    });
  }
  return { entity: entity.trim(), events };
}

/**
 * Asks `/timeline <entity>` for each gold timeline's entity on an engine built from
 * the trial articles, and scores the items: precision and recall of the items against
 * the gold events (an item matches a gold event when it cites the event's article and
 * its text contains the event's sentence), how many matched events are dated right, and
 * how many pairs of them are in the right order.
 */
export async function evaluateTimelineAnswers(dataDir: string): Promise<TimelineAnswerReport> {
  const docs = await readTimemlFolder(dataDir);
  const sentenceText = new Map<string, string>();
  for (const doc of docs) for (const s of doc.sentences) sentenceText.set(`${doc.docId}-${s.id}`, s.text);
  const engine = Engine.build(docs.map(timemlToNewsDocument));
  const goldDir = join(dataDir, "gold-timelines");
  let predicted = 0;
  let truePositives = 0;
  let goldCount = 0;
  let goldFound = 0;
  let datedRight = 0;
  let datedTotal = 0;
  let orderRight = 0;
  let orderTotal = 0;
  let inferredItems = 0;
  let nestedRight = 0;
  let nestedTotal = 0;
  const entities = (await readdir(goldDir)).filter((f) => f.endsWith(".txt")).sort();
  for (const file of entities) {
    const { entity, events: allEvents } = await readGoldEvents(join(goldDir, file));
    const events = allEvents.filter((e) => e.sentences.some((s) => sentenceText.has(s)));
    goldCount += events.length;
    const items = answerTimeline(engine, entity).items;
    predicted += items.length;
    inferredItems += items.filter((i) => i.dateInferred === true).length;
    const matches = (itemIndex: number, event: GoldEvent): boolean => {
      const item = items[itemIndex];
      if (item === undefined) return false;
      return event.sentences.some((key) => {
        const text = sentenceText.get(key);
        return text !== undefined && key.startsWith(`${item.citation.docId}-`) && item.text.includes(text);
      });
    };
    items.forEach((_, index) => {
      if (events.some((event) => matches(index, event))) truePositives++;
    });
    const placed: { event: GoldEvent; index: number }[] = [];
    for (const event of events) {
      // A sentence telling two events at two dates is shown once per date: the event is
      // placed (and dated) by the item that carries its date, if one does.
      const citing = items.flatMap((_, i) => (matches(i, event) ? [i] : []));
      if (citing.length === 0) continue;
      goldFound++;
      if (event.date === undefined) continue;
      const gold = event.date;
      const right = citing.find((i) => agreeAtPrecision(items[i]?.date ?? "", gold));
      datedTotal++;
      if (right !== undefined) datedRight++;
      placed.push({ event, index: right ?? (citing[0] as number) });
    }
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i] as { event: GoldEvent; index: number };
        const b = placed[j] as { event: GoldEvent; index: number };
        if (a.index === b.index || a.event.date === b.event.date) continue;
        const goldA = parsePartialDate(a.event.date ?? "");
        const goldB = parsePartialDate(b.event.date ?? "");
        if (goldA === undefined || goldB === undefined) continue;
        const goldOrder =
          dayNumber(firstDay(goldA)) - dayNumber(firstDay(goldB)) || a.event.order - b.event.order;
        if (goldOrder === 0) continue;
        const right = Math.sign(goldOrder) === Math.sign(a.index - b.index);
        // One date holding the other (2010 and 2010-06-07): the data puts the coarser
        // first, the timeline after the days it holds; neither is wrong, so counted apart.
        if (containsDate(goldA, goldB) || containsDate(goldB, goldA)) {
          nestedTotal++;
          if (right) nestedRight++;
          continue;
        }
        orderTotal++;
        if (right) orderRight++;
        else if (process.env.DEBUG_ORDER)
          console.log(
            "ORDER",
            a.event.date,
            items[a.index]?.date,
            items[a.index]?.citation.docId,
            a.index,
            "|",
            b.event.date,
            items[b.index]?.date,
            items[b.index]?.citation.docId,
            b.index,
          );
      }
    }
  }
  return {
    entities: entities.length,
    goldEvents: goldCount,
    scores: prf(predicted, goldCount, truePositives, goldFound),
    datedCorrectly: accuracy(datedRight, datedTotal),
    order: accuracy(orderRight, orderTotal),
    nestedOrder: accuracy(nestedRight, nestedTotal),
    inferredItems,
  };
}

/** Prints the `/timeline <entity>` figures. */
export function printTimelineAnswerReport(report: TimelineAnswerReport): void {
  console.log(
    `/timeline <entity> answers — ${report.entities} gold timelines, ${report.goldEvents} gold events`,
  );
  printTable([
    prfRow("items matching gold events", report.scores),
    accRow("matched events dated correctly", report.datedCorrectly),
    accRow("pairwise order correct", report.order),
    accRow("nested pairs in the data's order", report.nestedOrder),
    ["items with an inferred date", String(report.inferredItems)],
  ]);
}

/** Timing and a sanity check of the analyzer on a dated news collection (Reuters-21578 JSON Lines). */
export interface ScaleReport {
  documents: number;
  sentences: number;
  events: number;
  groups: number;
  mergedGroups: number;
  extractMs: number;
  /** CPU time of extractEvents (user + system), less sensitive than wall time to a busy machine. */
  extractCpuMs: number;
  groupMs: number;
  /** Datelines ("SALVADOR, Feb 26") resolved against the publication date: equal to it? */
  datelines: Accuracy;
  /**
   * …or within a day of it: a dateline and the collection's date field differ by a day
   * when the story crossed midnight (GMT), which is no fault of the resolver.
   */
  datelinesWithinADay: Accuracy;
}

/** Runs extractEvents and groupEvents over a JSON Lines collection, timing them. */
export async function benchmarkCollection(path: string): Promise<ScaleReport> {
  const text = await readFile(path, "utf8");
  const parsed = parseJsonLines(text);
  const documents = parsed.articles.map((article, index) => {
    const id = article.id ?? `record-${index + 1}`;
    const document: NewsDocument = {
      id,
      title: id,
      file: basename(path),
      body: article.body,
      paragraphs: article.paragraphs,
    };
    applyMetadata(document, article.metadata);
    return document;
  });
  const store = new PassageStore(documents);
  let started = performance.now();
  const cpuBefore = process.cpuUsage();
  const events = extractEvents(store.all);
  const extractMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const extractCpuMs = (cpu.user + cpu.system) / 1000;
  started = performance.now();
  const groups = groupEvents(events, store.all);
  const groupMs = performance.now() - started;

  let correct = 0;
  let withinADay = 0;
  let total = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const record = JSON.parse(line) as { dateline?: string | null; published?: string };
    const dateline = record.dateline?.split(",").at(-1)?.trim();
    const published = record.published === undefined ? undefined : parsePartialDate(record.published);
    if (!dateline || record.published === undefined || published === undefined) continue;
    total++;
    const found = findDates(dateline, record.published)[0]?.date;
    const day = found === undefined ? undefined : parsePartialDate(found);
    if (found === record.published) correct++;
    if (day?.day !== undefined && Math.abs(dayNumber(firstDay(day)) - dayNumber(firstDay(published))) <= 1) {
      withinADay++;
    }
  }
  return {
    documents: documents.length,
    sentences: store.all.length,
    events: events.length,
    groups: groups.length,
    mergedGroups: groups.filter((g) => g.passageIds.length > 1).length,
    extractMs,
    extractCpuMs,
    groupMs,
    datelines: accuracy(correct, total),
    datelinesWithinADay: accuracy(withinADay, total),
  };
}

function pct(value: number | null): string {
  return value === null ? "n/a" : `${(100 * value).toFixed(1)}%`;
}

function printTable(rows: [string, string][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

function prfRow(label: string, s: PrfScores): [string, string] {
  return [
    label,
    `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.truePositives}/${s.predicted} predicted, ${s.goldFound}/${s.gold} gold)`,
  ];
}

function accRow(label: string, a: Accuracy): [string, string] {
  return [label, `${pct(a.accuracy)}  (${a.correct}/${a.total})`];
}

/** Prints a report as a table. */
export function printTimelineReport(report: TimelineEvalReport): void {
  console.log(`Timeline evaluation — ${report.dataDir}`);
  printTable([
    ["documents / sentences", `${report.documents} / ${report.sentences}`],
    ["TIMEX3 in <DCT> (not scored)", String(report.dctTimexes)],
    ["gold in-text TIMEX3 type DATE", String(report.goldDateTimexes)],
    ["date expressions found", String(report.mentions)],
    prfRow("(a) detection, exact span", report.detectionExact),
    prfRow("(a) detection, overlap", report.detectionOverlap),
    accRow("(b) value at output precision", report.valueAccuracy),
    ["(c) gold dated timeline events", String(report.timeline.goldDated)],
    accRow("    sentence dated (coverage)", report.timeline.covered),
    accRow("    some event right", report.timeline.anyEventCorrect),
    accRow("    first event right", report.timeline.firstEventCorrect),
    accRow("    some event exactly equal", report.timeline.exactCorrect),
    accRow("    all, publication fallback", report.timeline.withPublicationFallback),
    accRow("    baseline: publication date", report.timeline.publicationBaseline),
    accRow("(d) dateline resolves to DCT", report.datelines),
  ]);
  for (const note of report.notes) console.log(`  note: ${note}`);
}

function printScaleReport(path: string, report: ScaleReport): void {
  console.log(`Scale — ${path}`);
  printTable([
    ["documents / sentences", `${report.documents} / ${report.sentences}`],
    ["events / groups / merged", `${report.events} / ${report.groups} / ${report.mergedGroups}`],
    ["extractEvents", `${report.extractMs.toFixed(0)} ms (CPU ${report.extractCpuMs.toFixed(0)} ms)`],
    ["groupEvents", `${report.groupMs.toFixed(0)} ms`],
    accRow("dateline = publication date", report.datelines),
    accRow("dateline within a day of it", report.datelinesWithinADay),
  ]);
}

async function main(argv: string[]): Promise<void> {
  const reutersFlag = argv.indexOf("--reuters");
  const reuters = reutersFlag >= 0 ? argv[reutersFlag + 1] : undefined;
  const positional = argv.filter(
    (arg, i) => !arg.startsWith("--") && (reutersFlag < 0 || i !== reutersFlag + 1),
  );
  const dataDir = resolve(positional[0] ?? "../shared/data/semeval2015-trial");
  printTimelineReport(await evaluateTimeline(dataDir));
  printTimelineAnswerReport(await evaluateTimelineAnswers(dataDir));
  if (reuters !== undefined) printScaleReport(reuters, await benchmarkCollection(resolve(reuters)));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

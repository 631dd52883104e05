/**
 * Evaluation of quote detection and attribution (`/quote`) on the PolNeAR train split
 * (`polnear-train/corpus/*.md`, `polnear-train/gold-quotes.json`), scored by the rule of
 * that folder's README:
 *
 * - a predicted quote (the `quote` of an `export quotes --json` row) matches a gold quote of
 *   the same document when it covers at least half of the gold's characters; one-to-one;
 *   predictions on `ignored` spans count neither way;
 * - speaker accuracy (named): matched gold quotes of `sourceKind: named` whose predicted
 *   speaker shares a name word with `sourceNames` (no speaker counts as wrong); (pronoun):
 *   the same against `resolvedNames`.
 *
 * The documents are split by their position in `gold-quotes.json`: even positions are the
 * development half (rules were written looking at their errors), odd positions are held out
 * and only scored.
 *
 * Run on its own: `npx tsx scripts/eval-quotes.ts [polnear-dir] [--half dev|held-out|all] [--errors file.jsonl]`.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { quoteRecords } from "../src/cli/export/records.js";
import { loadCorpus } from "../src/core/corpus/load-corpus.js";
import { Engine } from "../src/core/engine.js";
import type { NewsDocument } from "../src/core/model.js";
import { foldAccents } from "../src/core/text/terms.js";

/** The kind of source the annotators marked. */
export type SourceKind = "named" | "pronoun" | "nominal" | "none";

/** A gold quotation of `gold-quotes.json`. */
export interface GoldQuote {
  start: number;
  end: number;
  text: string;
  paragraph: number;
  source: string | null;
  sourceKind: SourceKind;
  sourceNames: string[];
  resolvedNames: string[] | null;
}

/** One document of `gold-quotes.json`. */
export interface GoldDocument {
  docId: string;
  quotes: GoldQuote[];
  ignored: { start: number; end: number; text: string; why: string }[];
}

/** A predicted quotation placed in the gold's coordinates (the body after the front matter). */
export interface PredictedQuote {
  start: number;
  end: number;
  quote: string;
  speaker: string | null;
}

/** How one gold quote came out. */
export type Outcome = "missed" | "correct" | "wrong" | "abstained";

/** Which half of the documents to score. */
export type Half = "dev" | "held-out" | "all";

/** Share of a count, or null when the whole is 0. */
export interface Share {
  count: number;
  of: number;
  value: number | null;
}

/** Figures of one run. */
export interface QuotesEvalReport {
  half: Half;
  documents: number;
  detection: {
    predicted: number;
    gold: number;
    matched: number;
    precision: number | null;
    recall: number | null;
    f1: number | null;
  };
  named: Share;
  pronoun: Share;
  /** Matched quotes (any kind) with no speaker. */
  abstention: Share;
  /** Matched named and pronoun quotes given a speaker: how many of those speakers are right. */
  precisionWhenGiven: Share;
  /** The same, over named sources only, and over pronoun sources only. */
  precisionNamed: Share;
  precisionPronoun: Share;
  /** Matched gold quotes by source kind and outcome. */
  outcomes: Record<SourceKind, Record<Outcome, number>>;
  /** Named/pronoun quotes that came out wrong or abstained, by the class of construction around them. */
  errorClasses: Record<string, { abstained: number; wrong: number }>;
  /** Every named/pronoun error, for reading. */
  errors: ErrorRow[];
}

/** One attribution error, with its context. */
export interface ErrorRow {
  docId: string;
  kind: SourceKind;
  outcome: Outcome;
  errorClass: string;
  gold: string[];
  goldSource: string | null;
  predicted: string | null;
  quote: string;
  context: string;
}

function share(count: number, of: number): Share {
  return { count, of, value: of === 0 ? null : count / of };
}

/** Folded name words: "Díaz-Canel" → ["diaz", "canel"]. */
function words(text: string): string[] {
  return foldAccents(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** True when the predicted speaker shares a name word with the gold names. */
export function speakerAgrees(predicted: string | null, gold: readonly string[] | null): boolean {
  if (!predicted || !gold || gold.length === 0) return false;
  const wanted = new Set(gold.flatMap(words));
  return words(predicted).some((w) => wanted.has(w));
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Matches predictions to gold quotes one-to-one: a prediction matches a gold quote when it
 * covers at least half of the gold's characters; the largest overlaps are paired first.
 * Returns the prediction paired with each gold quote (or undefined) and the predictions that
 * fall on no gold and no ignored span (false positives).
 */
export function matchQuotes(
  gold: readonly GoldQuote[],
  ignored: readonly { start: number; end: number }[],
  predicted: readonly PredictedQuote[],
): { pairs: (PredictedQuote | undefined)[]; falsePositives: PredictedQuote[] } {
  const edges: { g: number; p: number; size: number }[] = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      const size = overlap(g, p);
      if (size * 2 >= g.end - g.start && size > 0) edges.push({ g: gi, p: pi, size });
    });
  });
  edges.sort((a, b) => b.size - a.size);
  const pairs: (PredictedQuote | undefined)[] = gold.map(() => undefined);
  const used = new Set<number>();
  for (const e of edges) {
    if (pairs[e.g] || used.has(e.p)) continue;
    pairs[e.g] = predicted[e.p];
    used.add(e.p);
  }
  const falsePositives = predicted.filter((p, pi) => {
    if (used.has(pi)) return false;
    const onIgnored = ignored.some((s) => overlap(s, p) * 2 >= Math.min(s.end - s.start, p.end - p.start));
    // A second prediction over an already matched gold quote is a duplicate, not a new quote.
    const onGold = gold.some((g) => overlap(g, p) * 2 >= Math.min(g.end - g.start, p.end - p.start));
    return !onIgnored && !onGold;
  });
  return { pairs, falsePositives };
}

/** Offset of the gold's body (after the front matter's closing line and one blank line). */
function goldBodyOffset(file: string): number {
  const m = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n(?:[ \t]*\r?\n)?/u.exec(file);
  return m ? m[0].length : 0;
}

/** The quotes of one document's export rows, placed in the gold body's coordinates. */
function placePredictions(document: NewsDocument, rows: ReturnType<typeof quoteRecords>): PredictedQuote[] {
  const shift = goldBodyOffset(document.body);
  const placed: PredictedQuote[] = [];
  let from = 0;
  for (const row of rows) {
    const paragraph = document.paragraphs.find((p) => p.number === row.citation.paragraph);
    const searchFrom = Math.max(from, paragraph?.offset ?? 0);
    let at = document.body.indexOf(row.quote, searchFrom);
    if (at < 0) at = document.body.indexOf(row.quote);
    if (at < 0) continue;
    from = at;
    placed.push({
      start: at - shift,
      end: at - shift + row.quote.length,
      quote: row.quote,
      speaker: row.speaker,
    });
  }
  return placed;
}

/** The construction around an attribution error, to weigh classes of misses. */
function errorClass(
  body: string,
  gold: GoldQuote,
  previous: GoldQuote | undefined,
  sentence: string,
): string {
  const after = body.slice(gold.end, gold.end + 80);
  const before = body.slice(Math.max(0, gold.start - 160), gold.start);
  const sameSource =
    previous !== undefined &&
    previous.paragraph >= gold.paragraph - 1 &&
    (previous.source === gold.source ||
      (previous.sourceNames.length > 0 &&
        previous.sourceNames.some((n) => (gold.resolvedNames ?? gold.sourceNames).includes(n))));
  const ownCue = /\b(?:said|says|say|told|added|asked|wrote|according)\b/iu.test(sentence);
  if (sameSource && !ownCue) return "continuation";
  if (/according to/iu.test(sentence)) return "according-to";
  if (/\b(?:wrote|writes|tweeted|posted|reported|reports|statement)\b/iu.test(sentence))
    return "written/statement";
  if (/^[”"’]?\s*,?\s*(?:said|says|added|asked|told)\s+\p{Lu}[^,.]+,\s+(?:a|an|the)\s/u.test(after))
    return "apposition-after";
  if (/\b(?:that|whether|if)\s+[^“"”]*$/u.test(before.slice(-80)) || /\p{Ll}/u.test(gold.text[0] ?? ""))
    return "partial-in-indirect";
  if (gold.sourceKind === "pronoun") return "pronoun";
  if (/\b(?:said|says|told|added|asked)\b/iu.test(sentence)) return "said-other";
  return "other";
}

/** The sentence-ish context of a span: from the previous full stop to the next. */
function contextOf(body: string, start: number, end: number): string {
  const para0 = body.lastIndexOf("\n\n", start);
  const para1 = body.indexOf("\n\n", end);
  return body.slice(para0 < 0 ? 0 : para0 + 2, para1 < 0 ? body.length : para1);
}

/** Scores the analyzer on the PolNeAR train split. */
export async function evaluateQuotes(dir: string, half: Half = "all"): Promise<QuotesEvalReport> {
  const gold = JSON.parse(await readFile(join(dir, "gold-quotes.json"), "utf8")) as { docs: GoldDocument[] };
  const chosen = gold.docs.filter((_, i) => half === "all" || (half === "dev" ? i % 2 === 0 : i % 2 === 1));
  const wanted = new Set(chosen.map((d) => d.docId));
  const { documents } = await loadCorpus(join(dir, "corpus"));
  const engine = Engine.build(documents.filter((d) => wanted.has(d.id)));
  const rows = quoteRecords(engine);
  const rowsByDoc = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = rowsByDoc.get(row.citation.docId) ?? [];
    list.push(row);
    rowsByDoc.set(row.citation.docId, list);
  }
  const kinds: SourceKind[] = ["named", "pronoun", "nominal", "none"];
  const outcomes = Object.fromEntries(
    kinds.map((k) => [k, { missed: 0, correct: 0, wrong: 0, abstained: 0 }]),
  ) as Record<SourceKind, Record<Outcome, number>>;
  const errorClasses: QuotesEvalReport["errorClasses"] = {};
  const errors: ErrorRow[] = [];
  let predictedCount = 0;
  let goldCount = 0;
  let matched = 0;
  let falsePositiveCount = 0;
  let given = 0;
  let givenRight = 0;
  let abstained = 0;
  for (const doc of chosen) {
    const document = engine.documents.find((d) => d.id === doc.docId);
    if (!document) continue;
    const body = document.body.slice(goldBodyOffset(document.body));
    const predictions = placePredictions(document, rowsByDoc.get(doc.docId) ?? []);
    const { pairs, falsePositives } = matchQuotes(doc.quotes, doc.ignored, predictions);
    goldCount += doc.quotes.length;
    falsePositiveCount += falsePositives.length;
    doc.quotes.forEach((g, gi) => {
      const p = pairs[gi];
      if (!p) {
        outcomes[g.sourceKind].missed++;
        return;
      }
      matched++;
      if (!p.speaker) abstained++;
      const names =
        g.sourceKind === "named" ? g.sourceNames : g.sourceKind === "pronoun" ? g.resolvedNames : null;
      const scored = g.sourceKind === "named" || (g.sourceKind === "pronoun" && names !== null);
      const right = speakerAgrees(p.speaker, names);
      const outcome: Outcome = !p.speaker ? "abstained" : right ? "correct" : "wrong";
      outcomes[g.sourceKind][outcome]++;
      if (!scored) return;
      if (p.speaker) {
        given++;
        if (right) givenRight++;
      }
      if (outcome === "correct") return;
      const context = contextOf(body, g.start, g.end);
      const cls = errorClass(body, g, doc.quotes[gi - 1], context);
      const entry = errorClasses[cls] ?? { abstained: 0, wrong: 0 };
      if (outcome === "abstained") entry.abstained++;
      else entry.wrong++;
      errorClasses[cls] = entry;
      errors.push({
        docId: doc.docId,
        kind: g.sourceKind,
        outcome,
        errorClass: cls,
        gold: names ?? [],
        goldSource: g.source,
        predicted: p.speaker,
        quote: g.text,
        context,
      });
    });
  }
  predictedCount = matched + falsePositiveCount;
  const precision = predictedCount === 0 ? null : matched / predictedCount;
  const recall = goldCount === 0 ? null : matched / goldCount;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : null;
  const namedRow = outcomes.named;
  const pronounRow = outcomes.pronoun;
  const pronounScored = errors.filter((e) => e.kind === "pronoun").length + pronounRow.correct;
  return {
    half,
    documents: chosen.length,
    detection: { predicted: predictedCount, gold: goldCount, matched, precision, recall, f1 },
    named: share(namedRow.correct, namedRow.correct + namedRow.wrong + namedRow.abstained),
    pronoun: share(pronounRow.correct, pronounScored),
    abstention: share(abstained, matched),
    precisionWhenGiven: share(givenRight, given),
    precisionNamed: share(namedRow.correct, namedRow.correct + namedRow.wrong),
    precisionPronoun: share(pronounRow.correct, pronounRow.correct + pronounRow.wrong),
    outcomes,
    errorClasses,
    errors,
  };
}

function pct(s: Share): string {
  return s.value === null ? "n/a" : `${(s.value * 100).toFixed(1)} % (${s.count}/${s.of})`;
}

function fixed(value: number | null): string {
  return value === null ? "n/a" : value.toFixed(3);
}

/** The report as Markdown-ish text. */
export function formatQuotesReport(report: QuotesEvalReport): string {
  const d = report.detection;
  const lines = [
    `documents: ${report.half} half, ${report.documents}`,
    `detection: P ${fixed(d.precision)} R ${fixed(d.recall)} F1 ${fixed(d.f1)} (gold ${d.gold}, predicted ${d.predicted}, matched ${d.matched})`,
    `speaker accuracy, named sources: ${pct(report.named)}`,
    `speaker accuracy, pronoun sources: ${pct(report.pronoun)}`,
    `abstention (matched quotes with no speaker): ${pct(report.abstention)}`,
    `precision when a speaker is given (named + pronoun): ${pct(report.precisionWhenGiven)}`,
    `  named sources: ${pct(report.precisionNamed)}; pronoun sources: ${pct(report.precisionPronoun)}`,
    "outcomes by source kind (correct / wrong / abstained / missed):",
    ...Object.entries(report.outcomes).map(
      ([k, o]) => `  ${k}: ${o.correct} / ${o.wrong} / ${o.abstained} / ${o.missed}`,
    ),
    "named + pronoun errors by construction (abstained / wrong):",
    ...Object.entries(report.errorClasses)
      .sort((a, b) => b[1].abstained + b[1].wrong - (a[1].abstained + a[1].wrong))
      .map(([k, e]) => `  ${k}: ${e.abstained} / ${e.wrong}`),
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const half = (flag("--half") ?? "all") as Half;
  const errorsFile = flag("--errors");
  const dir = resolve(args[0] ?? "../shared/data/polnear-train");
  const report = await evaluateQuotes(dir, half);
  console.log(formatQuotesReport(report));
  if (errorsFile) await writeFile(errorsFile, report.errors.map((e) => JSON.stringify(e)).join("\n"));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

import type { QuestionWithVotes } from "../../store/insights/records.js";
import { normalisedTopic, topicWords } from "./topic.js";

/** A topic readers asked about that the archive could not answer well. */
export interface UnansweredTopic {
  /** The normalised topic (see `normalisedTopic`); "" when the questions named none. */
  topic: string;
  /** Questions about it that found nothing or were voted down. */
  asked: number;
  foundNothing: number;
  votedDown: number;
  /** The commands it was asked with, most used first. */
  commands: string[];
  /** ISO time of the latest such question. */
  lastAsked: string;
  /** The nearest things the archive does have (article passages, names, topics). */
  nearest: string[];
}

/** Helpful votes against Not helpful ones for one command or platform. */
export interface HelpfulRate {
  name: string;
  questions: number;
  helpful: number;
  notHelpful: number;
  /** helpful / (helpful + notHelpful); null without votes. */
  rate: number | null;
}

/** What `backstory insights` and `/admin` show. */
export interface InsightsReport {
  /** ISO times of the window. */
  since: string;
  until: string;
  questions: number;
  helpful: number;
  notHelpful: number;
  /** Questions that found nothing or were voted down, grouped by topic, most frequent first. */
  unanswered: UnansweredTopic[];
  /** The most asked topics. */
  topTopics: { topic: string; asked: number }[];
  /** The most asked speakers (`/quote`) and people (`/who`). */
  topSpeakers: { speaker: string; asked: number }[];
  helpfulByCommand: HelpfulRate[];
  helpfulByPlatform: HelpfulRate[];
  /** Questions per day (UTC), every day of the window. */
  volume: { day: string; questions: number }[];
}

/** Options of {@link buildReport}. */
export interface ReportOptions {
  since: number;
  until: number;
  /** Rows kept in each top list (default 20). */
  top?: number;
  /** The nearest things the archive has for a topic (the engine's search). */
  nearest?: (topic: string) => string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
// A day-by-day chart of a year is still readable; longer windows show the last year.
const MAX_DAYS = 366;

/** The report over the questions of a window (as the repository reads them). */
export function buildReport(questions: readonly QuestionWithVotes[], options: ReportOptions): InsightsReport {
  const top = options.top ?? 20;
  const inWindow = questions.filter((q) => q.askedAt >= options.since && q.askedAt <= options.until);
  return {
    since: new Date(options.since).toISOString(),
    until: new Date(options.until).toISOString(),
    questions: inWindow.length,
    helpful: sum(inWindow, (q) => q.helpful),
    notHelpful: sum(inWindow, (q) => q.notHelpful),
    unanswered: unanswered(inWindow, options.nearest).slice(0, top),
    topTopics: counted(inWindow.map((q) => normalisedTopic(q.args)).filter((t) => t !== ""))
      .slice(0, top)
      .map(([topic, asked]) => ({ topic, asked })),
    topSpeakers: counted(inWindow.flatMap(speakerOf))
      .slice(0, top)
      .map(([speaker, asked]) => ({ speaker, asked })),
    helpfulByCommand: rates(inWindow, (q) => q.command),
    helpfulByPlatform: rates(inWindow, (q) => q.platform),
    volume: volume(inWindow, options.since, options.until),
  };
}

/** Whether a question shows a gap: nothing found, or more readers found it unhelpful than helpful. */
export function isUnanswered(q: QuestionWithVotes): boolean {
  return q.items === 0 || q.notHelpful > q.helpful;
}

function unanswered(
  questions: readonly QuestionWithVotes[],
  nearest: ReportOptions["nearest"],
): UnansweredTopic[] {
  const groups = new Map<string, QuestionWithVotes[]>();
  for (const q of questions.filter(isUnanswered)) {
    const topic = normalisedTopic(q.args);
    groups.set(topic, [...(groups.get(topic) ?? []), q]);
  }
  return [...groups.entries()]
    .map(
      ([topic, group]): UnansweredTopic => ({
        topic,
        asked: group.length,
        foundNothing: group.filter((q) => q.items === 0).length,
        votedDown: group.filter((q) => q.notHelpful > q.helpful).length,
        commands: counted(group.map((q) => q.command)).map(([command]) => command),
        lastAsked: new Date(Math.max(...group.map((q) => q.askedAt))).toISOString(),
        nearest: [],
      }),
    )
    .sort(
      (a, b) => b.asked - a.asked || b.lastAsked.localeCompare(a.lastAsked) || a.topic.localeCompare(b.topic),
    )
    .map((group) => ({ ...group, nearest: group.topic && nearest ? nearest(group.topic) : [] }));
}

function speakerOf(q: QuestionWithVotes): string[] {
  const name = q.command === "quote" ? q.args.speaker : q.command === "who" ? q.args.name : undefined;
  if (typeof name !== "string") return [];
  const words = topicWords(name);
  return words.length > 0 ? [words.join(" ")] : [];
}

function rates(
  questions: readonly QuestionWithVotes[],
  key: (q: QuestionWithVotes) => string,
): HelpfulRate[] {
  const byName = new Map<string, HelpfulRate>();
  for (const q of questions) {
    const name = key(q);
    const rate = byName.get(name) ?? { name, questions: 0, helpful: 0, notHelpful: 0, rate: null };
    rate.questions++;
    rate.helpful += q.helpful;
    rate.notHelpful += q.notHelpful;
    byName.set(name, rate);
  }
  return [...byName.values()]
    .map((r) => ({
      ...r,
      rate: r.helpful + r.notHelpful > 0 ? r.helpful / (r.helpful + r.notHelpful) : null,
    }))
    .sort((a, b) => b.questions - a.questions || a.name.localeCompare(b.name));
}

function volume(questions: readonly QuestionWithVotes[], since: number, until: number) {
  const first = Math.max(dayStart(since), dayStart(until) - (MAX_DAYS - 1) * DAY_MS);
  const days = new Map<string, number>();
  for (let day = first; day <= until; day += DAY_MS) days.set(isoDay(day), 0);
  for (const q of questions) {
    const day = isoDay(q.askedAt);
    if (days.has(day)) days.set(day, (days.get(day) ?? 0) + 1);
  }
  return [...days.entries()].map(([day, count]) => ({ day, questions: count }));
}

/** Values with how often each occurs, most frequent first (ties alphabetical). */
function counted(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

const dayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

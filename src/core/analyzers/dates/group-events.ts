import { type Passage, passageText } from "../../index/passages.js";
import type { NewsDocument } from "../../model.js";
import { contentTerms, sentenceNames, sharedCount } from "./content-terms.js";
import { compareSortKeys, type EventSortKey, eventSortKey } from "./event-order.js";
import { comparePartialDates, parsePartialDate } from "./partial-date.js";
import type { DatedEvent, EventGroup } from "./types.js";

/** Two same-dated sentences report the same event when they share at least a name… */
const MIN_SHARED_NAMES = 1;
/** …and this many content words… */
const MIN_SHARED_TERMS = 4;
/** …which are at least this share of the shorter sentence's content words… */
const MIN_OVERLAP = 0.5;
/** …or, when they share a single name, this share. */
const MIN_OVERLAP_ONE_NAME = 0.65;
// A name in more groups of one date than this tells groups apart no better than "the":
// later groups are not indexed under it (their rarer names still are).
const MAX_NAME_POSTINGS = 64;

/** A sentence as the grouping compares it: names at once, content words when first needed. */
export class ReportContent {
  readonly names: Set<string>;
  private cachedTerms: Set<string> | undefined;

  constructor(private readonly sentence: string) {
    this.names = sentenceNames(sentence);
  }

  get terms(): Set<string> {
    this.cachedTerms ??= contentTerms(this.sentence);
    return this.cachedTerms;
  }
}

/**
 * How strongly two same-dated sentences look like one event: the overlap coefficient
 * of their content words when they share a name and enough content words, else 0.
 */
export function sameEventScore(a: ReportContent, b: ReportContent): number {
  const names = sharedCount(a.names, b.names);
  if (names < MIN_SHARED_NAMES) return 0;
  const shared = sharedCount(a.terms, b.terms);
  const smaller = Math.min(a.terms.size, b.terms.size);
  const score = smaller === 0 ? 0 : shared / smaller;
  const needed = names === 1 ? MIN_OVERLAP_ONE_NAME : MIN_OVERLAP;
  return shared >= MIN_SHARED_TERMS && score >= needed ? score : 0;
}

interface Member {
  event: DatedEvent;
  key: EventSortKey;
  document: NewsDocument | undefined;
}

interface Group {
  members: Member[];
  /** The content of the group's first member, which later reports are compared with. */
  content: ReportContent;
  documents: Set<NewsDocument>;
  /** Index of the last member that looked at this group, so each looks once. */
  visitedBy: number;
}

function publishedOrder(a: Member, b: Member): number {
  const pa = a.document?.published === undefined ? undefined : parsePartialDate(a.document.published);
  const pb = b.document?.published === undefined ? undefined : parsePartialDate(b.document.published);
  if (pa !== undefined && pb !== undefined) {
    const byDate = comparePartialDates(pa, pb);
    if (byDate !== 0) return byDate;
  } else if (pa !== pb) {
    return pa === undefined ? 1 : -1;
  }
  return a.event.passageId - b.event.passageId;
}

/**
 * Orders events by date (see `compareSortKeys`: by the end of the period, finer first,
 * then by estimate and document order) and merges the same event reported by
 * several articles: same date, and sentences sharing a name and enough content words
 * (`sameEventScore`). A group holds at most one passage per document; its first passage,
 * the one shown, is the earliest published report.
 */
export function groupDatedEvents(events: readonly DatedEvent[], passages: readonly Passage[]): EventGroup[] {
  const byId = new Map<number, Passage>();
  for (const passage of passages) byId.set(passage.id, passage);
  const members: Member[] = events.map((event) => ({
    event,
    key: eventSortKey(event),
    document: byId.get(event.passageId)?.document,
  }));
  members.sort((a, b) => compareSortKeys(a.key, b.key));

  const groups: Group[] = [];
  const buckets = new Map<string, Map<string, Group[]>>();
  const unnamed = new ReportContent("");
  members.forEach((member, index) => {
    // A date inferred from context is too loose to tell two reports of one event from two
    // events of one month: each stays its own (and the grouping's cost stays with dated ones).
    if (member.event.dateInferred === true) {
      groups.push({ members: [member], content: unnamed, documents: new Set(), visitedBy: index });
      return;
    }
    const passage = byId.get(member.event.passageId);
    const content = new ReportContent(passage === undefined ? "" : passageText(passage));
    let postings = buckets.get(member.event.date);
    if (postings === undefined) {
      postings = new Map();
      buckets.set(member.event.date, postings);
    }
    let best: Group | undefined;
    let bestScore = 0;
    for (const name of content.names) {
      for (const group of postings.get(name) ?? []) {
        if (group.visitedBy === index) continue;
        group.visitedBy = index;
        if (member.document !== undefined && group.documents.has(member.document)) continue;
        const score = sameEventScore(content, group.content);
        if (score > bestScore) {
          best = group;
          bestScore = score;
        }
      }
    }
    if (best === undefined) {
      best = { members: [], content, documents: new Set(), visitedBy: index };
      groups.push(best);
      for (const name of content.names) {
        const list = postings.get(name) ?? [];
        if (list.length < MAX_NAME_POSTINGS) list.push(best);
        postings.set(name, list);
      }
    }
    best.members.push(member);
    if (member.document !== undefined) best.documents.add(member.document);
  });

  // Groups were opened in timeline order by their earliest member, which stays the order.
  return groups.map((group) => {
    const shown = [...group.members].sort(publishedOrder);
    const first = shown[0] as Member;
    const result: EventGroup = { date: first.event.date, passageIds: shown.map((m) => m.event.passageId) };
    if (first.event.dateText !== undefined) result.dateText = first.event.dateText;
    if (first.event.dateInferred === true) result.dateInferred = true;
    return result;
  });
}

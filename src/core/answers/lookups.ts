import type { EventGroup } from "../analyzers/dates/types.js";
import type { Entity } from "../analyzers/entities/entity-index.js";
import type { Quotation } from "../analyzers/quotes/extract-quotes.js";
import type { Engine } from "../engine.js";
import { foldAccents } from "../text/terms.js";

/**
 * Look-ups derived from an engine's parts, kept as long as the engine lives, so
 * an answer touches only the quotes or events it needs instead of scanning
 * every one of them. Built when an engine is loaded (see `buildLookups`), so no
 * first question waits for them; built on first use otherwise.
 */
interface Lookups {
  /** Quotations by their speaker's entity, in corpus order. */
  quotesByEntity: Map<Entity, Quotation[]>;
  /**
   * Quotations whose speaker is not a known entity ("an official"), by the speaker folded
   * for matching: each distinct speaker is tested once, however often the archive repeats it.
   */
  unnamedQuotes: Map<string, number[]>;
  /** Each quotation's position in `engine.quotes`. */
  quotePositions: Map<Quotation, number>;
  /**
   * The positions (in `engine.events`) of the event groups each passage reports:
   * those of passage p are `groups[groupStart[p] … groupStart[p + 1])` (flat arrays,
   * read in a loop without a map look-up per passage).
   */
  groupStart: Uint32Array;
  groups: Uint32Array;
  /** Scratch marks for groupsReportedBy: position → the call that last saw it. */
  seen: Uint32Array;
  /** Scratch list for groupsReportedBy: the positions a call found. */
  positions: Uint32Array;
  calls: number;
}

const lookups = new WeakMap<Engine, Lookups>();

/** Builds an engine's look-ups now (a few tens of milliseconds at 19k articles) instead of on its first question. */
export function buildLookups(engine: Engine): void {
  lookupsOf(engine);
}

function lookupsOf(engine: Engine): Lookups {
  let found = lookups.get(engine);
  if (!found) {
    found = build(engine.quotes, engine.events, engine.passages.all.length);
    lookups.set(engine, found);
  }
  return found;
}

function build(quotes: readonly Quotation[], events: readonly EventGroup[], passageCount: number): Lookups {
  const quotesByEntity = new Map<Entity, Quotation[]>();
  const unnamedQuotes: Lookups["unnamedQuotes"] = new Map();
  const quotePositions = new Map<Quotation, number>();
  quotes.forEach((quotation, position) => {
    quotePositions.set(quotation, position);
    if (quotation.speaker === undefined) return;
    if (quotation.entity) {
      const list = quotesByEntity.get(quotation.entity);
      if (list) list.push(quotation);
      else quotesByEntity.set(quotation.entity, [quotation]);
    } else {
      const folded = foldAccents(quotation.speaker);
      const list = unnamedQuotes.get(folded);
      if (list) list.push(position);
      else unnamedQuotes.set(folded, [position]);
    }
  });
  const groupStart = new Uint32Array(passageCount + 1);
  for (const group of events) {
    for (const id of group.passageIds)
      if (id < passageCount) groupStart[id + 1] = (groupStart[id + 1] as number) + 1;
  }
  for (let p = 0; p < passageCount; p++)
    groupStart[p + 1] = (groupStart[p + 1] as number) + (groupStart[p] as number);
  const groups = new Uint32Array(groupStart[passageCount] as number);
  const filled = groupStart.slice(0, passageCount);
  events.forEach((group, position) => {
    for (const id of group.passageIds) {
      if (id >= passageCount) continue;
      groups[filled[id] as number] = position;
      filled[id] = (filled[id] as number) + 1;
    }
  });
  return {
    quotesByEntity,
    unnamedQuotes,
    quotePositions,
    groupStart,
    groups,
    seen: new Uint32Array(events.length),
    positions: new Uint32Array(events.length),
    calls: 0,
  };
}

/** The quotations attributed to an entity, in corpus order. */
export function quotesOf(engine: Engine, entity: Entity): readonly Quotation[] {
  return lookupsOf(engine).quotesByEntity.get(entity) ?? [];
}

/** Quotations by speakers who are not named entities ("an official") whose description contains `folded`. */
export function unnamedQuotesMatching(engine: Engine, folded: string): Quotation[] {
  const positions: number[] = [];
  for (const [speaker, list] of lookupsOf(engine).unnamedQuotes) {
    if (speaker.includes(folded)) for (const position of list) positions.push(position);
  }
  // In corpus order, as the quotations are.
  const ordered = Uint32Array.from(positions).sort();
  return Array.from(ordered, (position) => engine.quotes[position] as Quotation);
}

/**
 * The quotation a quotation is the same as (same speaker, same words; see
 * `AnswerTables.sameQuote`): equal numbers for the same; -1 for one too short to merge.
 */
export function sameQuoteGroup(engine: Engine, quotation: Quotation): number {
  const position = lookupsOf(engine).quotePositions.get(quotation);
  return position === undefined ? -1 : (engine.tables.sameQuote[position] as number);
}

/**
 * The event groups any of these passages reports, in timeline order, each once: the
 * first `limit` of them, and how many there are. Only the ones returned are put in
 * order (a topic of thousands of events shows a hundred).
 */
export function groupsReportedBy(
  engine: Engine,
  passageIds: Iterable<number>,
  limit = Number.POSITIVE_INFINITY,
): { groups: EventGroup[]; total: number } {
  const found = lookupsOf(engine);
  const { groupStart, groups, seen } = found;
  found.calls = (found.calls + 1) >>> 0;
  if (found.calls === 0) {
    seen.fill(0);
    found.calls = 1;
  }
  const call = found.calls;
  let total = 0;
  for (const id of passageIds) {
    const end = groupStart[id + 1] ?? 0;
    for (let g = groupStart[id] ?? 0; g < end; g++) {
      const position = groups[g] as number;
      if (seen[position] === call) continue;
      seen[position] = call;
      found.positions[total++] = position;
    }
  }
  const ordered = smallest(found.positions.subarray(0, total), limit);
  return { groups: Array.from(ordered, (position) => engine.events[position] as EventGroup), total };
}

/** The `limit` smallest of distinct numbers, ascending (in a new array). */
function smallest(values: Uint32Array, limit: number): Uint32Array {
  if (values.length <= limit * 4) return values.slice().sort().subarray(0, limit);
  // A max-heap of the smallest seen so far: one comparison for most values.
  const heap = values.slice(0, limit);
  for (let i = (limit >> 1) - 1; i >= 0; i--) siftDown(heap, i);
  for (let i = limit; i < values.length; i++) {
    const value = values[i] as number;
    if (value >= (heap[0] as number)) continue;
    heap[0] = value;
    siftDown(heap, 0);
  }
  return heap.sort();
}

function siftDown(heap: Uint32Array, from: number): void {
  let at = from;
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let largest = at;
    if (left < heap.length && (heap[left] as number) > (heap[largest] as number)) largest = left;
    if (right < heap.length && (heap[right] as number) > (heap[largest] as number)) largest = right;
    if (largest === at) return;
    const swap = heap[at] as number;
    heap[at] = heap[largest] as number;
    heap[largest] = swap;
    at = largest;
  }
}

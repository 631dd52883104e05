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
  /** Quotations whose speaker is not a known entity, with the speaker folded for matching. */
  unnamedQuotes: { quotation: Quotation; folded: string }[];
  /** The positions (in `engine.events`) of the event groups each passage reports. */
  groupsOfPassage: Map<number, number[]>;
}

const lookups = new WeakMap<Engine, Lookups>();

/** Builds an engine's look-ups now (a few tens of milliseconds at 19k articles) instead of on its first question. */
export function buildLookups(engine: Engine): void {
  lookupsOf(engine);
}

function lookupsOf(engine: Engine): Lookups {
  let found = lookups.get(engine);
  if (!found) {
    found = build(engine.quotes, engine.events);
    lookups.set(engine, found);
  }
  return found;
}

function build(quotes: readonly Quotation[], events: readonly EventGroup[]): Lookups {
  const quotesByEntity = new Map<Entity, Quotation[]>();
  const unnamedQuotes: Lookups["unnamedQuotes"] = [];
  for (const quotation of quotes) {
    if (quotation.speaker === undefined) continue;
    if (quotation.entity) {
      const list = quotesByEntity.get(quotation.entity);
      if (list) list.push(quotation);
      else quotesByEntity.set(quotation.entity, [quotation]);
    } else {
      unnamedQuotes.push({ quotation, folded: foldAccents(quotation.speaker) });
    }
  }
  const groupsOfPassage = new Map<number, number[]>();
  events.forEach((group, position) => {
    for (const id of group.passageIds) {
      const list = groupsOfPassage.get(id);
      if (list) list.push(position);
      else groupsOfPassage.set(id, [position]);
    }
  });
  return { quotesByEntity, unnamedQuotes, groupsOfPassage };
}

/** The quotations attributed to an entity, in corpus order. */
export function quotesOf(engine: Engine, entity: Entity): readonly Quotation[] {
  return lookupsOf(engine).quotesByEntity.get(entity) ?? [];
}

/** Quotations by speakers who are not named entities ("an official") whose description contains `folded`. */
export function unnamedQuotesMatching(engine: Engine, folded: string): Quotation[] {
  return lookupsOf(engine)
    .unnamedQuotes.filter((q) => q.folded.includes(folded))
    .map((q) => q.quotation);
}

/** The event groups any of these passages reports, in timeline order, each once. */
export function groupsReportedBy(engine: Engine, passageIds: Iterable<number>): EventGroup[] {
  const { groupsOfPassage } = lookupsOf(engine);
  const positions = new Set<number>();
  for (const id of passageIds) for (const position of groupsOfPassage.get(id) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b).map((position) => engine.events[position] as EventGroup);
}

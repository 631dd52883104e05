import { quoteItem } from "../../../commands/quote.js";
import type { Citation } from "../../core/answer.js";
import { passageItem } from "../../core/answers/items.js";
import type { Engine } from "../../core/engine.js";

/** One quotation as exported: who, the words, and where. */
export interface QuoteRecord {
  speaker: string | null;
  quote: string;
  partial: boolean;
  text: string;
  citation: Citation;
}

/** One dated event as exported, with every citation that reports it. */
export interface EventRecord {
  date: string;
  dateText: string | null;
  /** True when the sentence states no date and `date` comes from its context. */
  dateInferred: boolean;
  text: string;
  citations: Citation[];
}

/** One entity as exported. */
export interface EntityRecord {
  name: string;
  kind: string;
  aliases: string[];
  descriptions: string[];
  mentions: number;
  quotes: number;
}

/** Every quotation the analyzers found, attributed or not, in corpus order. */
export function quoteRecords(engine: Engine): QuoteRecord[] {
  return engine.quotes.map((q) => {
    const item = quoteItem(engine, q);
    return {
      speaker: q.speaker ?? null,
      quote: q.quote,
      partial: q.partial,
      text: item.text,
      citation: item.citation,
    };
  });
}

/** Every dated event, in date order. */
export function eventRecords(engine: Engine): EventRecord[] {
  return engine.events.map((group) => {
    const [first, ...others] = group.passageIds as [number, ...number[]];
    return {
      date: group.date,
      dateText: group.dateText ?? null,
      dateInferred: group.dateInferred === true,
      text: passageItem(engine, first).text,
      citations: [engine.citation(first), ...others.map((id) => engine.citation(id))],
    };
  });
}

/** Every entity, most mentioned first. */
export function entityRecords(engine: Engine): EntityRecord[] {
  const quoteCounts = new Map<string, number>();
  for (const q of engine.quotes)
    if (q.entity) quoteCounts.set(q.entity.name, (quoteCounts.get(q.entity.name) ?? 0) + 1);
  return engine.entities.all().map((e) => ({
    name: e.name,
    kind: e.kind,
    aliases: [...e.aliases],
    descriptions: [...e.descriptions.keys()],
    mentions: e.passageIds.length,
    quotes: quoteCounts.get(e.name) ?? 0,
  }));
}

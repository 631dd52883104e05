import type { Entity } from "../analyzers/entities/entity-index.js";
import type { Quotation } from "../analyzers/quotes/extract-quotes.js";
import { foldAccents } from "../text/terms.js";
import { MAX_ITEMS } from "./items.js";

/**
 * What `/who` and `/quote` would otherwise find by scanning every match, worked out
 * once when the engine is built and kept in the snapshot: an answer's work is then
 * bounded by what it shows, not by how often the archive repeats a name or a quotation
 * (a wire story republished five times gives every sentence five copies).
 */
export interface AnswerTables {
  /**
   * For each entity with descriptions, the first `DESCRIBED_SHOWN` of its passages
   * (corpus order) whose sentence contains one of them: the passages `/who` shows first.
   */
  described: ReadonlyMap<Entity, readonly number[]>;
  /**
   * For each quotation (by position in `Engine.quotes`), the position of the first one
   * with the same speaker and the same words (`sameQuoteKey`): equal numbers are the same
   * quotation; -1 for a quotation too short to be told from a catchword.
   */
  sameQuote: Int32Array;
}

/** AnswerTables as plain data: entities and quotations by position. */
export interface AnswerTablesJSON {
  described: [number, number[]][];
  sameQuote: number[];
}

/** How many described passages are kept per entity: the most items one answer carries. */
export const DESCRIBED_SHOWN = MAX_ITEMS;

// Fewer words than this may be the same catchword said on different days, not one quotation.
const MIN_WORDS_TO_MERGE = 6;

/** Works out the tables of an engine's entities and quotations (`text` gives a passage's sentence). */
export function buildAnswerTables(
  entities: readonly Entity[],
  quotes: readonly Quotation[],
  text: (passageId: number) => string,
): AnswerTables {
  const described = new Map<Entity, number[]>();
  for (const entity of entities) {
    const ids = describedPassages(entity, text, DESCRIBED_SHOWN);
    if (ids.length > 0) described.set(entity, ids);
  }
  const first = new Map<string, number>();
  const sameQuote = new Int32Array(quotes.length);
  quotes.forEach((quotation, position) => {
    const key = sameQuoteKey(quotation);
    if (key === undefined) {
      sameQuote[position] = -1;
      return;
    }
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, position);
    sameQuote[position] = earlier ?? position;
  });
  return { described, sameQuote };
}

/**
 * The first `limit` passages of an entity (corpus order) whose sentence contains one of
 * its descriptions as written: what `/who` shows before its quotes and other mentions.
 */
export function describedPassages(
  entity: Entity,
  text: (passageId: number) => string,
  limit: number,
): number[] {
  const descriptions = [...entity.descriptions.keys()];
  const found: number[] = [];
  if (descriptions.length === 0) return found;
  for (const id of entity.passageIds) {
    if (found.length >= limit) break;
    const sentence = text(id);
    if (descriptions.some((d) => sentence.includes(d))) found.push(id);
  }
  return found;
}

/**
 * What makes two quotations one, as `/quote` merges them: the speaker and the quoted
 * words (accents, case and punctuation ignored); undefined when the quotation
 * has fewer than MIN_WORDS_TO_MERGE words.
 */
export function sameQuoteKey(quotation: Quotation): string | undefined {
  const words = foldAccents(quotation.quote)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length >= MIN_WORDS_TO_MERGE ? `${quotation.speaker}\u0000${words.join(" ")}` : undefined;
}

/** Plain data for snapshots. */
export function answerTablesToJSON(
  tables: AnswerTables,
  positions: ReadonlyMap<Entity, number>,
): AnswerTablesJSON {
  return {
    described: [...tables.described].map(([entity, ids]) => [positions.get(entity) as number, [...ids]]),
    sameQuote: Array.from(tables.sameQuote),
  };
}

/** Tables saved by `answerTablesToJSON`; throws when they do not fit the entities and quotations. */
export function answerTablesFromJSON(
  data: AnswerTablesJSON | undefined,
  entities: readonly Entity[],
  quoteCount: number,
): AnswerTables {
  if (!data || !Array.isArray(data.described) || data.sameQuote?.length !== quoteCount) {
    throw new Error("answer tables missing or not of these quotations");
  }
  const described = new Map<Entity, readonly number[]>();
  for (const [position, ids] of data.described) {
    const entity = entities[position];
    if (entity === undefined) throw new Error("answer tables name an unknown entity");
    described.set(entity, ids);
  }
  const sameQuote = Int32Array.from(data.sameQuote);
  for (const value of sameQuote) {
    if (value < -1 || value >= quoteCount) throw new Error("answer tables name an unknown quotation");
  }
  return { described, sameQuote };
}

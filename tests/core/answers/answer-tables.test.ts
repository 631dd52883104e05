import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { misspell, randomInt, seededRandom } from "../../../bench/query-pick.js";
import { answerQuote, quoteItem } from "../../../commands/quote.js";
import { answerWho } from "../../../commands/who.js";
import type { Entity } from "../../../src/core/analyzers/entities/entity-index.js";
import type { Quotation } from "../../../src/core/analyzers/quotes/extract-quotes.js";
import type { Answer, Item } from "../../../src/core/answer.js";
import { DESCRIBED_SHOWN } from "../../../src/core/answers/answer-tables.js";
import { answer, MAX_ITEMS, passageItem } from "../../../src/core/answers/items.js";
import { quotesOf, unnamedQuotesMatching } from "../../../src/core/answers/lookups.js";
import { type Engine, loadEngine } from "../../../src/core/engine.js";
import { engineFromSnapshot, engineToSnapshot } from "../../../src/core/snapshot/serialize.js";
import { foldAccents } from "../../../src/core/text/terms.js";
import { SHARED_DATA } from "../../helpers/paths.js";
import { seedEngine } from "../../helpers/seed-engine.js";
import { tempCorpus } from "../../helpers/temp-corpus.js";

// The exhaustive forms the tables replace: every passage of an entity searched for every
// description, every quotation's words folded and compared, every unnamed speaker tested.

function describedScan(engine: Engine, entity: Entity): number[] {
  const descriptions = [...entity.descriptions.keys()];
  return entity.passageIds
    .filter((id) => descriptions.some((d) => engine.text(id).includes(d)))
    .slice(0, MAX_ITEMS);
}

function quoteKey(quotation: Quotation): string | undefined {
  const words = foldAccents(quotation.quote)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length >= 6 ? `${quotation.speaker}\u0000${words.join(" ")}` : undefined;
}

function unnamedScan(engine: Engine, folded: string): Quotation[] {
  return engine.quotes.filter(
    (q) => q.speaker !== undefined && !q.entity && foldAccents(q.speaker).includes(folded),
  );
}

/** `/who` as it was before the tables: the scan, and a set of every mention for the total. */
function whoExhaustive(engine: Engine, query: string): Answer | undefined {
  const [entity] = engine.entities.find(query, undefined, 6);
  if (!entity) return undefined;
  const shown = new Map<number, () => Item>();
  const add = (id: number, item: () => Item) => {
    if (shown.size < MAX_ITEMS && !shown.has(id)) shown.set(id, item);
  };
  const mention = (id: number) => () => passageItem(engine, id, { speaker: entity.name });
  for (const id of describedScan(engine, entity)) add(id, mention(id));
  const quotations = quotesOf(engine, entity);
  for (const quotation of quotations) add(quotation.passageId, () => quoteItem(engine, quotation));
  for (const id of entity.passageIds) add(id, mention(id));
  const total = new Set([...entity.passageIds, ...quotations.map((q) => q.passageId)]).size;
  return answer(
    "who",
    query,
    `Who: ${entity.name}`,
    [...shown.values()].map((item) => item()),
    "",
    total,
  );
}

/** `/quote`'s items as they were before the tables: every quotation's words folded to merge copies. */
function quoteExhaustive(engine: Engine, speaker: string): { items: Item[]; total: number } {
  const named = engine.entities.find(speaker).flatMap((entity) => quotesOf(engine, entity));
  const matches = [...named, ...unnamedScan(engine, foldAccents(speaker))].sort(
    (a, b) => a.passageId - b.passageId,
  );
  const kept = new Map<string, Quotation>();
  for (const q of matches) {
    const key = `${q.passageId}:${q.lastPassageId}:${q.speaker}`;
    const previous = kept.get(key);
    if (!previous || q.quote.length > previous.quote.length) kept.set(key, q);
  }
  const groups = new Map<string, { quotation: Quotation; others: Quotation[] }>();
  const merged: { quotation: Quotation; others: Quotation[] }[] = [];
  for (const quotation of [...kept.values()].sort((a, b) => a.passageId - b.passageId)) {
    const key = quoteKey(quotation);
    const group = key === undefined ? undefined : groups.get(key);
    if (group) {
      group.others.push(quotation);
      continue;
    }
    const fresh = { quotation, others: [] };
    if (key !== undefined) groups.set(key, fresh);
    merged.push(fresh);
  }
  const items = merged.slice(0, MAX_ITEMS).map(({ quotation, others }) => {
    const item = quoteItem(engine, quotation);
    if (others.length > 0) item.alsoIn = others.map((q) => engine.citation(q.passageId));
    return item;
  });
  return { items, total: merged.length };
}

/** What people type to `/who` and `/quote`: names, surnames, word starts, unnamed speakers, typos. */
function namesToAsk(engine: Engine, seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const entities = engine.entities.all();
  const speakers = engine.quotes.flatMap((q) => (q.speaker ? [q.speaker] : []));
  const pick = <T>(list: readonly T[]): T => list[randomInt(random, list.length)] as T;
  const kinds: (() => string)[] = [
    () => pick(entities.slice(0, 50)).name,
    () => pick(entities).name,
    () => pick(entities).name.split(/\s+/u).at(-1) ?? "x",
    () => pick(speakers),
    () => (pick(speakers).split(/\s+/u).at(-1) ?? "x").toLowerCase(),
    () => pick(entities).name.slice(0, 1 + randomInt(random, 4)),
    () => misspell(random, pick(entities).name.toLowerCase()),
  ];
  return Array.from({ length: count }, () => pick(kinds)());
}

function expectTablesExhaustive(engine: Engine): void {
  for (const entity of engine.entities.atPositions()) {
    expect(engine.tables.described.get(entity) ?? [], entity.name).toEqual(describedScan(engine, entity));
    // The total of /who counts mentions in a binary search: they must be in ascending order.
    expect(entity.passageIds.every((id, i, ids) => i === 0 || (ids[i - 1] as number) < id)).toBe(true);
  }
  const groupOfKey = new Map<string, number>();
  const keyOfGroup = new Map<number, string>();
  engine.quotes.forEach((quotation, position) => {
    const key = quoteKey(quotation);
    const group = engine.tables.sameQuote[position] as number;
    if (key === undefined) {
      expect(group).toBe(-1);
      return;
    }
    expect(groupOfKey.get(key) ?? group, quotation.quote).toBe(group);
    expect(keyOfGroup.get(group) ?? key, quotation.quote).toBe(key);
    groupOfKey.set(key, group);
    keyOfGroup.set(group, key);
  });
}

function expectAnswersExhaustive(engine: Engine, seed: number, count: number): number {
  let withItems = 0;
  for (const name of namesToAsk(engine, seed, count)) {
    const who = answerWho(engine, name);
    const expected = whoExhaustive(engine, name);
    if (expected) {
      expect(who.items, `/who ${name}`).toEqual(expected.items);
      expect(who.notice?.match(/Showing the first \d+ of ([\d,]+)/u)?.[1], `/who ${name} total`).toEqual(
        expected.notice?.match(/Showing the first \d+ of ([\d,]+)/u)?.[1],
      );
    }
    const quote = answerQuote(engine, name);
    const { items, total } = quoteExhaustive(engine, name);
    expect(quote.items, `/quote ${name}`).toEqual(items);
    if (total > MAX_ITEMS) expect(quote.notice, `/quote ${name}`).toContain(total.toLocaleString("en"));
    const folded = foldAccents(name);
    expect(unnamedQuotesMatching(engine, folded), `unnamed ${name}`).toEqual(unnamedScan(engine, folded));
    if (items.length > 0) withItems++;
  }
  return withItems;
}

/** The first stories of Reuters, each sent `copies` times with new ids (as the 100k benchmark corpus is). */
async function repeatedReuters(stories: number, copies: number): Promise<Engine> {
  const lines = readFileSync(join(SHARED_DATA, "reuters21578.jsonl"), "utf8").split("\n").slice(0, stories);
  const repeated = Array.from({ length: copies }, (_, round) =>
    lines.map((line) => {
      const record = JSON.parse(line) as { id?: unknown };
      return JSON.stringify(round === 0 ? record : { ...record, id: `${String(record.id)}-r${round}` });
    }),
  ).flat();
  return loadEngine(tempCorpus({ "reuters.jsonl": repeated.join("\n") }));
}

describe("the answer tables (/who's described passages, /quote's same quotations)", () => {
  it("GIVEN the seed corpus THEN the tables equal the exhaustive scans, and /who and /quote answer as scanning every match did", async () => {
    const engine = await seedEngine();
    expect(DESCRIBED_SHOWN).toBe(MAX_ITEMS);
    expectTablesExhaustive(engine);
    expect(expectAnswersExhaustive(engine, 1, 300)).toBeGreaterThan(30);
  });

  it("GIVEN a saved engine THEN its restored tables are the built ones; GIVEN tables of other quotations THEN the snapshot is refused", async () => {
    const engine = await seedEngine();
    const { json, postings } = engineToSnapshot(engine, "k");
    const restored = engineFromSnapshot({ json: JSON.parse(JSON.stringify(json)), postings });
    expectTablesExhaustive(restored);
    expect(Array.from(restored.tables.sameQuote)).toEqual(Array.from(engine.tables.sameQuote));
    for (const name of namesToAsk(engine, 2, 100)) {
      expect(answerWho(restored, name), name).toEqual(answerWho(engine, name));
      expect(answerQuote(restored, name), name).toEqual(answerQuote(engine, name));
    }
    const shorter = { ...json, answerTables: { ...json.answerTables, sameQuote: [] } };
    expect(() => engineFromSnapshot({ json: JSON.parse(JSON.stringify(shorter)), postings })).toThrow();
  });

  it.skipIf(!existsSync(join(SHARED_DATA, "reuters21578.jsonl")))(
    "GIVEN 600 Reuters stories sent three times each THEN the same, copies merged as before",
    async () => {
      const engine = await repeatedReuters(600, 3);
      expectTablesExhaustive(engine);
      expect(engine.tables.sameQuote.some((group, position) => group >= 0 && group !== position)).toBe(true);
      expect(expectAnswersExhaustive(engine, 3, 400)).toBeGreaterThan(50);
    },
    120_000,
  );
});

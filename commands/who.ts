import type { Quotation } from "../src/core/analyzers/quotes/extract-quotes.js";
import type { Answer, Item } from "../src/core/answer.js";
import { answer, cleanQuery, MAX_ITEMS, passageItem, suggestionText } from "../src/core/answers/items.js";
import { quotesOf } from "../src/core/answers/lookups.js";
import type { Engine } from "../src/core/engine.js";
import { sortedHas } from "../src/core/index/sorted-ids.js";
import { quoteItem } from "./quote.js";
import type { Command } from "./types.js";

/** `/who <name>`: how the articles describe someone, then their quotes, then their mentions. */
export function answerWho(engine: Engine, rawName: string): Answer {
  const query = cleanQuery(rawName);
  // The best match and five others are shown: the others are never scored ("s" matches thousands).
  const [entity, ...others] = engine.entities.find(query, undefined, 6);
  if (!entity) {
    const close = engine.complete("entities", query.slice(0, 3), 5);
    const notice = `No one called “${query}” is mentioned in the ${engine.documents.length} articles. ${suggestionText(close)}`;
    return answer("who", query, `Who: ${query}`, [], notice.trim());
  }
  // Passages in the order shown, each once; items are made only for those an answer carries,
  // and the others (thousands for "U.S.") are only counted.
  const shown = new Map<number, () => Item>();
  const add = (id: number, item: () => Item) => {
    if (shown.size < MAX_ITEMS && !shown.has(id)) shown.set(id, item);
  };
  const mention = (id: number) => () => passageItem(engine, id, { speaker: entity.name });
  const described = [...entity.descriptions.keys()];
  // The passages holding a description were found at build (a name in 20,000 sentences
  // would otherwise have each of them searched for every description).
  for (const id of engine.tables.described.get(entity) ?? []) add(id, mention(id));
  const quotations = quotesOf(engine, entity);
  for (const quotation of quotations) add(quotation.passageId, () => quoteItem(engine, quotation));
  for (const id of entity.passageIds) {
    if (shown.size >= MAX_ITEMS) break;
    add(id, mention(id));
  }
  const total = entity.passageIds.length + quotedElsewhere(entity.passageIds, quotations);
  const items = [...shown.values()].slice(0, MAX_ITEMS).map((item) => item());
  const kind = entity.kind === "person" ? "person" : entity.kind === "organization" ? "organisation" : "name";
  const notes = [`${entity.name} (${kind}): mentioned in ${entity.passageIds.length} passage(s).`];
  if (described.length > 0) notes.push(`Described as: ${described.slice(0, 5).join("; ")}.`);
  if (others.length > 0)
    notes.push(
      `Also matching: ${others
        .slice(0, 5)
        .map((e) => e.name)
        .join(", ")}.`,
    );
  return answer("who", query, `Who: ${entity.name}`, items, notes.join(" "), total);
}

/**
 * The passages quoting an entity that do not mention it by name (its passages are in
 * ascending id order): each counted once, without a set of every mention.
 */
function quotedElsewhere(passageIds: readonly number[], quotations: readonly Quotation[]): number {
  const counted = new Set<number>();
  for (const { passageId } of quotations) {
    if (!counted.has(passageId) && !sortedHas(passageIds, passageId)) counted.add(passageId);
  }
  return counted.size;
}

/** `/who <name>`. */
export const who: Command = {
  name: "who",
  description: "Who someone is: how the articles describe them, their quotes and mentions",
  examples: ["/who petro", "/who rubio"],
  options: [
    {
      name: "name",
      description: "A person or organisation",
      type: "string",
      required: true,
      autocomplete: "entities",
    },
  ],
  run: (args, { engine }) => answerWho(engine, String(args.name)),
};

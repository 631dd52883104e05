import type { Answer, Item } from "../answer.js";
import type { Engine } from "../engine.js";
import { answer, cleanQuery, passageItem, suggestionText } from "./items.js";
import { quoteItem } from "./quote.js";

/** `/who <name>`: how the articles describe someone, then their quotes, then their mentions. */
export function answerWho(engine: Engine, rawName: string): Answer {
  const query = cleanQuery(rawName);
  const [entity, ...others] = engine.entities.find(query);
  if (!entity) {
    const close = engine.complete("entities", query.slice(0, 3), 5);
    const notice = `No one called “${query}” is mentioned in the ${engine.documents.length} articles. ${suggestionText(close)}`;
    return answer("who", query, `Who: ${query}`, [], notice.trim());
  }
  const items: Item[] = [];
  const used = new Set<number>();
  const add = (id: number, item: Item) => {
    if (used.has(id)) return;
    used.add(id);
    items.push(item);
  };
  const described = [...entity.descriptions.keys()];
  for (const id of entity.passageIds) {
    const text = engine.text(id);
    if (described.some((d) => text.includes(d))) add(id, passageItem(engine, id, { speaker: entity.name }));
  }
  for (const quotation of engine.quotes) {
    if (quotation.entity === entity) add(quotation.passageId, quoteItem(engine, quotation));
  }
  for (const id of entity.passageIds) add(id, passageItem(engine, id, { speaker: entity.name }));
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
  return answer("who", query, `Who: ${entity.name}`, items, notes.join(" "));
}

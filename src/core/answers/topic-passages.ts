import { genderOf } from "../analyzers/entities/gender.js";
import { anaphorKindOf } from "../analyzers/timeline/chain-reading.js";
import { topicContinuations } from "../analyzers/timeline/topic-continuations.js";
import type { Engine } from "../engine.js";
import type { PassageHit } from "../index/search-index.js";
import { sortedHas } from "../index/sorted-ids.js";
import { firstTermBefore } from "../text/terms.js";

// A topic named in more sentences than this fills its timeline without its pronouns, and
// following them would cost more than an answer may.
const MAX_NAMED = 2_000;

/**
 * The passages about a topic: those the search found, and those that go on speaking of
 * it without naming it. Both only for a topic that names an entity of the corpus (its
 * name or one of its forms):
 * - the sentences whose subject the entities analyzer resolved to it through a pronoun
 *   or a description ("She thanked…" past a sentence about a man, "The senator said…";
 *   `Engine.references`);
 * - the sentences opening with "He", "His", "It", "Its" or "The company" right after one
 *   naming it as its subject (`topicContinuations`), which that resolver does not all
 *   follow; a pronoun of the wrong gender is refused. Only for a topic at most
 *   `MAX_NAMED` sentences name, and only from the sentences that name that entity, not
 *   from every sentence with the word.
 */
export function topicPassages(engine: Engine, topic: string, hits: readonly PassageHit[]): number[] {
  const ids = hits.map((h) => h.id);
  if (hits.length === 0) return ids;
  // The topic must be the entity's name or one of its forms, not a word that starts one.
  const entity = engine.entities.named(topic);
  if (entity === undefined) return ids;
  const referring = engine.references.get(entity) ?? [];
  if (hits.length > MAX_NAMED) return [...ids, ...notAmong(referring, ids)];
  // Chains start only where the entity itself is named: a topic word that is also some entity's
  // name ("Change", once capitalised in a table) must not make every "change" a subject to follow.
  const naming = new Map<number, readonly string[]>();
  for (const hit of hits) if (sortedHas(entity.passageIds, hit.id)) naming.set(hit.id, hit.terms);
  const namedBefore = (id: number, offset: number): boolean =>
    firstTermBefore(engine.text(id), naming.get(id) ?? [], offset) !== undefined;
  const chained = topicContinuations(
    engine.passages,
    engine.subjects,
    naming,
    namedBefore,
    // A name the index could not tell a person from a thing by may be either.
    anaphorKindOf(entity),
    topic.split(/\s+/u),
    genderOf(entity),
  );
  return [...ids, ...new Set(notAmong([...referring, ...chained], ids))];
}

// The few passages of `list` the many of `ids` do not hold, in order (no set of all `ids`).
function notAmong(list: readonly number[], ids: readonly number[]): number[] {
  if (list.length === 0) return [];
  const left = new Set(list);
  for (const id of ids) left.delete(id);
  return list.filter((id) => left.has(id));
}

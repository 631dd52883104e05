import { type Passage, passageText } from "../../index/passages.js";
import type { Entity, MentionTable } from "../entities/entity-index.js";
import { sentenceReferents } from "../entities/referents.js";
import { PUBLICATION_NOUNS, ROLE_NOUNS } from "../entities/referring-expressions.js";

// Words without which a sentence with no name refers to no one (the resolver's pronouns and nouns).
const REFERRING_WORDS = new RegExp(`\\b(?:he|she|they|${ROLE_NOUNS}|${PUBLICATION_NOUNS})\\b`, "i");

/** The sentences that speak of each entity without naming it, by passage id in corpus order. */
export type EntityReferences = ReadonlyMap<Entity, readonly number[]>;

/**
 * The sentences whose subject is an entity through a pronoun or a description ("He
 * announced…", "The senator said…"), resolved by the entities analyzer
 * (`sentenceReferents`: gender and number agreement, the article's earlier subjects,
 * the roles it gave its people). A timeline follows its topic into these; the sentences
 * that name it the search finds already. Made while building, when the name mentions
 * the resolver reads are at hand.
 */
export function entityReferences(passages: readonly Passage[], mentions: MentionTable): EntityReferences {
  const references = new Map<Entity, number[]>();
  // A sentence with neither a name nor a referring word gives the resolver nothing to read
  // or to remember: leaving it out changes no resolution and spares a seventh of the work.
  const read = passages.filter((p) => mentions.has(p.id) || REFERRING_WORDS.test(passageText(p)));
  for (const [passageId, referent] of sentenceReferents(read, mentions)) {
    if (referent.via === "name") continue;
    const ids = references.get(referent.entity);
    if (ids === undefined) references.set(referent.entity, [passageId]);
    else ids.push(passageId);
  }
  for (const ids of references.values()) ids.sort((a, b) => a - b);
  return references;
}

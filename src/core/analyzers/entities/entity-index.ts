import { type Passage, passageText } from "../../index/passages.js";
import { REPORTING_VERBS } from "../../text/lexicon.js";
import { foldWord } from "../../text/terms.js";
import { findNameMentions, type NameMention } from "./find-mentions.js";
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from "./given-names.js";
import { type NamedThing, NameFinder, type NameFinderJSON, nameWords } from "./name-finder.js";

/** What kind of thing a name names. */
export type EntityKind = "person" | "organization" | "other";

/** A person, organisation or other named thing of the corpus. */
export interface Entity {
  /** Canonical name: the fullest form the articles use ("Gustavo Petro"). */
  name: string;
  kind: EntityKind;
  /** Every form the articles use, e.g. "Petro", "Gustavo Petro". */
  aliases: Set<string>;
  /** Descriptions as written ("Colombian President Gustavo Petro"), with how often each occurs. */
  descriptions: Map<string, number>;
  /** Passages mentioning it, in corpus order (no repeats). */
  passageIds: number[];
}

/** EntityIndex as plain data: `[name, kind, aliases, descriptions, passageIds]` per entity. */
export interface EntityIndexJSON {
  entities: [string, EntityKind, string[], [string, number][], number[]][];
  /** The name finder, ready to use (see `NameFinder.toJSON`). */
  finder?: NameFinderJSON;
}

/** The resolved name mentions of each passage (by passage id), made while building. */
export type MentionTable = ReadonlyMap<number, readonly ResolvedMention[]>;

/** A name mention resolved to its entity. */
export interface ResolvedMention extends NameMention {
  entity: Entity;
}

const APPOSITIVE = /^,\s+((?:a|an|the)\s[^,;:“”"]{3,80}?),/u;

/**
 * The entities of a corpus: names found in every sentence, titles split off,
 * short forms ("Petro") joined to the full name used in the same article or,
 * failing that, the only full name in the corpus that ends with it.
 */
export class EntityIndex {
  private readonly byKey = new Map<string, Entity>();

  private constructor() {}

  /**
   * Finds and resolves the entities of these passages. The mentions (where each
   * name stands in each sentence) serve the other analyzers while the engine is
   * built; the index keeps only the entities.
   */
  static build(passages: readonly Passage[]): { index: EntityIndex; mentions: MentionTable } {
    const index = new EntityIndex();
    const mentions = index.collect(passages);
    return { index, mentions };
  }

  /** Restores an index saved by `toJSON`. */
  static fromJSON(data: EntityIndexJSON): EntityIndex {
    const index = new EntityIndex();
    data.entities.forEach(([name, kind, aliases, descriptions, passageIds]) => {
      const entity: Entity = {
        name,
        kind,
        aliases: new Set(aliases),
        descriptions: new Map(descriptions),
        passageIds,
      };
      index.byKey.set(keyOf(name), entity);
    });
    index.savedFinder = data.finder;
    return index;
  }

  /** A plain-data form for snapshots. */
  toJSON(): EntityIndexJSON {
    return {
      entities: [...this.byKey.values()].map((e) => [
        e.name,
        e.kind,
        [...e.aliases],
        [...e.descriptions],
        e.passageIds,
      ]),
      finder: this.nameFinder().toJSON(),
    };
  }

  /** Position of an entity in `toJSON().entities`, for snapshots of what refers to it. */
  positions(): Map<Entity, number> {
    return new Map([...this.byKey.values()].map((e, i) => [e, i]));
  }

  /** The entity at a position of `toJSON().entities`. */
  atPositions(): readonly Entity[] {
    if (this.positioned?.length !== this.byKey.size) this.positioned = [...this.byKey.values()];
    return this.positioned;
  }

  private positioned: Entity[] | undefined;

  private collect(passages: readonly Passage[]): MentionTable {
    const table = new Map<number, ResolvedMention[]>();
    const properWords = collectProperWords(passages);
    const raw = new Map<number, NameMention[]>();
    for (const passage of passages) {
      const found = findNameMentions(passageText(passage), (w) => properWords.has(w));
      if (found.length > 0) raw.set(passage.id, found);
    }
    const persons = findPersons(passages, raw);
    const canonical = new Canonicalizer(persons);
    for (const passage of passages) {
      const found = raw.get(passage.id);
      if (!found) continue;
      const text = passageText(passage);
      const resolved = found.map((mention) => {
        const name = canonical.resolve(mention.name, passage.document.id);
        const entity = this.entityFor(name, kindOf(mention, name, persons));
        entity.aliases.add(mention.name);
        if (mention.described) bump(entity.descriptions, mention.described);
        const appositive = APPOSITIVE.exec(text.slice(mention.end + (mention.possessive ? 2 : 0)))?.[1];
        if (appositive && !mention.possessive) bump(entity.descriptions, `${mention.name}, ${appositive}`);
        if (entity.passageIds.at(-1) !== passage.id) entity.passageIds.push(passage.id);
        return { ...mention, entity };
      });
      table.set(passage.id, resolved);
    }
    return table;
  }

  /** Number of entities. */
  get size(): number {
    return this.byKey.size;
  }

  /** Every entity, most mentioned first. */
  all(): Entity[] {
    return [...this.byKey.values()].sort((a, b) => b.passageIds.length - a.passageIds.length);
  }

  /** The entity with exactly this name or alias (accents and case ignored). */
  get(name: string): Entity | undefined {
    return this.byKey.get(keyOf(name));
  }

  // Finds entities by name: made on the first look-up (the engine's warm-up), from a snapshot's when it fits.
  private finder: NameFinder | undefined;
  private savedFinder: NameFinderJSON | undefined;

  private nameFinder(): NameFinder {
    if (!this.finder) {
      const things = this.atPositions().map(
        (entity): NamedThing => ({
          // Read only for the few entities a question scores.
          get forms() {
            return [entity.name, ...entity.aliases];
          },
          mentions: entity.passageIds.length,
        }),
      );
      this.finder = NameFinder.fromJSON(things, this.savedFinder) ?? NameFinder.build(things);
      this.savedFinder = undefined;
    }
    return this.finder;
  }

  /** Builds the name look-ups now rather than on the first question. */
  warm(): void {
    this.nameFinder();
  }

  /**
   * The entity one of whose forms (name or alias) is exactly this text, accents, case and
   * punctuation ignored; the most mentioned one when several share the form. A map look-up,
   * where `find` scores every entity a word of which merely starts like the text.
   */
  named(text: string): Entity | undefined {
    const position = this.nameFinder().withForm(nameWords(text))[0];
    return position === undefined ? undefined : this.atPositions()[position];
  }

  /**
   * Entities matching what a user typed: every typed word must start a word of
   * the name or an alias ("petro", "gustavo petro", "diaz canel"), best match first
   * (a whole form, then whole words, then word starts; within each, the most mentioned,
   * then the earlier entity). With a `limit`, only the best few are looked at (see `NameFinder`).
   */
  find(query: string, kinds?: readonly EntityKind[], limit = Number.POSITIVE_INFINITY): Entity[] {
    const entities = this.atPositions();
    const accept = kinds
      ? (position: number) => kinds.includes((entities[position] as Entity).kind)
      : undefined;
    return this.nameFinder()
      .find(nameWords(query), limit, accept)
      .map((position) => entities[position] as Entity);
  }

  private entityFor(name: string, kind: EntityKind): Entity {
    const key = keyOf(name);
    let entity = this.byKey.get(key);
    if (!entity) {
      entity = { name, kind, aliases: new Set(), descriptions: new Map(), passageIds: [] };
      this.byKey.set(key, entity);
    } else if (kind === "person" && entity.kind !== "person") {
      entity.kind = "person";
    }
    return entity;
  }
}

function keyOf(name: string): string {
  return nameWords(name).join(" ");
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The key of a name's last word: "Miguel Díaz-Canel" → "diaz canel". */
function surnameKey(name: string): string {
  return keyOf(name.trim().split(/\s+/u).at(-1) ?? name);
}

/** Folded words seen capitalised after the first word of a sentence: evidence they are names. */
function collectProperWords(passages: readonly Passage[]): Set<string> {
  const proper = new Set<string>();
  for (const passage of passages) {
    const text = passageText(passage);
    for (const m of text.matchAll(/(?<=(?:[\p{L}\p{N},;)]|[,;][”"’])\s+)\p{Lu}[\p{L}\p{M}-]*/gu))
      proper.add(foldWord(m[0]));
  }
  return proper;
}

/** Names that are people (titled somewhere, or the subject of a reporting verb), keyed, with a written form. */
function findPersons(passages: readonly Passage[], raw: Map<number, NameMention[]>): Map<string, string> {
  const persons = new Map<string, string>();
  for (const passage of passages) {
    const found = raw.get(passage.id);
    if (!found) continue;
    const text = passageText(passage);
    for (const mention of found) {
      if (mention.organization) continue;
      const nextWord = /^\s+(\p{L}+)/u.exec(text.slice(mention.end))?.[1]?.toLowerCase() ?? "";
      const saidBefore = /\b(?:said|says|according to)\s+$/u.test(text.slice(0, mention.start));
      // A lone word before "said" is as often a country or a company as a person.
      const multiword = mention.name.includes(" ");
      if (
        mention.titled ||
        (multiword && hasGivenName(mention.name)) ||
        (multiword && ((!mention.possessive && REPORTING_VERBS.has(nextWord)) || saidBefore))
      ) {
        const key = keyOf(mention.name);
        if (!persons.has(key)) persons.set(key, mention.name);
      }
    }
  }
  return persons;
}

/** True when a name starts with a given name of the lexicon ("Stan Okafor"). */
function hasGivenName(name: string): boolean {
  const first = foldWord(name.split(/\s+/u)[0] ?? "");
  return MALE_GIVEN_NAMES.has(first) || FEMALE_GIVEN_NAMES.has(first);
}

function kindOf(mention: NameMention, canonicalName: string, persons: Map<string, string>): EntityKind {
  if (mention.organization) return "organization";
  return persons.has(keyOf(canonicalName)) || persons.has(keyOf(mention.name)) ? "person" : "other";
}

/** Joins short forms of person names to the full name ("Petro" → "Gustavo Petro"). */
class Canonicalizer {
  private readonly fullBySurname = new Map<string, string[]>();
  private readonly fullBySurnameInDoc = new Map<string, string>();

  /** `persons` maps each person's key to the first way the articles write the name. */
  constructor(private readonly persons: Map<string, string>) {
    for (const written of persons.values()) {
      if (!/\s/u.test(written)) continue;
      const surname = surnameKey(written);
      this.fullBySurname.set(surname, [...(this.fullBySurname.get(surname) ?? []), written]);
    }
  }

  resolve(name: string, docId: string): string {
    if (/\s/u.test(name)) {
      if (this.persons.has(keyOf(name)))
        this.fullBySurnameInDoc.set(`${docId}\u0000${surnameKey(name)}`, name);
      return name;
    }
    const key = keyOf(name);
    const inDoc = this.fullBySurnameInDoc.get(`${docId}\u0000${key}`);
    if (inDoc) return inDoc;
    const corpusWide = this.fullBySurname.get(key);
    return corpusWide?.length === 1 ? (corpusWide[0] as string) : name;
  }
}

import { type Passage, passageText } from "../../index/passages.js";
import { PERSON_ROLE_NOUNS, REPORTING_VERBS } from "../../text/lexicon.js";
import { foldWord } from "../../text/terms.js";
import { findNameMentions, type NameMention } from "./find-mentions.js";
import { type Gender, givenNameGender, titleGender } from "./gender.js";
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

// An aside that says what a person does: "Cornell Belcher, the highest-ranking pollster," / "Ana Ruiz, 55,".
const PERSON_APPOSITIVE = new RegExp(
  `^,\\s+(?:\\d{1,3},|(?:a|an|the)\\s+(?:[^,;:“”"]{0,60}\\s)?(?:${PERSON_ROLE_NOUNS})(?:[,\\s]|$))`,
  "u",
);

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
      const found = findNameMentions(passageText(passage), (w, alone) =>
        alone ? properWords.alone.has(w) : properWords.any.has(w),
      );
      if (found.length > 0) raw.set(passage.id, found);
    }
    const persons = findPersons(passages, raw);
    const canonical = new Canonicalizer(persons, passages, raw);
    for (const passage of passages) {
      const found = raw.get(passage.id);
      if (!found) continue;
      const text = passageText(passage);
      const resolved = found.map((mention) => {
        const title = mention.described
          ?.slice(0, mention.start - (mention.describedStart ?? mention.start))
          .trim()
          .split(/\s+/u)
          .at(-1);
        const name = canonical.resolve(mention.name, passage.document.id, title);
        const entity = this.entityFor(name, kindOf(mention, name, persons));
        entity.aliases.add(mention.name);
        if (mention.described) bump(entity.descriptions, mention.described);
        const appositive = APPOSITIVE.exec(text.slice(mention.end + (mention.possessive ? 2 : 0)))?.[1];
        if (appositive && !mention.possessive) bump(entity.descriptions, `${mention.name}, ${appositive}`);
        if (entity.passageIds.at(-1) !== passage.id) entity.passageIds.push(passage.id);
        noteHabit(entity, text, mention);
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

/** How the corpus uses a name: after a place preposition ("in Colorado"), or before a reporting verb ("Sami recalled"). */
export interface NameHabits {
  locative: number;
  speaking: number;
}

const habits = new WeakMap<Entity, NameHabits>();
const LOCATIVE = /\b(?:in|at|from|across|throughout|near|outside|inside|into)\s+(?:the\s+)?$/iu;

function noteHabit(entity: Entity, text: string, mention: NameMention): void {
  let counts = habits.get(entity);
  if (!counts) {
    counts = { locative: 0, speaking: 0 };
    habits.set(entity, counts);
  }
  if (mention.start > 2 && LOCATIVE.test(text.slice(Math.max(0, mention.start - 16), mention.start)))
    counts.locative++;
  if (mention.possessive) return;
  NEXT_WORD.lastIndex = mention.end;
  const next = NEXT_WORD.exec(text)?.[1];
  if (next && REPORTING_VERBS.has(next.toLowerCase())) counts.speaking++;
}

const NEXT_WORD = /\s+(\p{L}+)/uy;

/**
 * How the corpus used an entity's name while the index was built (nothing for an index
 * restored from a snapshot): evidence, for a name never seen as a person's, of a place or of
 * someone who speaks.
 */
export function nameHabits(entity: Entity): NameHabits {
  return habits.get(entity) ?? { locative: 0, speaking: 0 };
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

// A capitalised word after a word, a comma, a middle initial ("Michael W. Mosman") or an abbreviated title ("Mr. Okafor").
const PROPER_WORD =
  /(?<=(?:[\p{L}\p{N},;)]|[,;][”"’]|\p{Lu}\p{Ll}+\s\p{Lu}\.|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Sgt|Rev|Prof)\.)\s+)\p{Lu}[\p{L}\p{M}-]*/gu;

/**
 * Folded words seen capitalised after the first word of a sentence (`any`): evidence they are
 * names. `alone`: those of them the corpus writes capitalised mid-sentence at least half as
 * often as in lower case, so that a sentence opening with one on its own ("Change is
 * coming", "Traders said") takes it for a name only when it mostly is one ("Bush said").
 */
function collectProperWords(passages: readonly Passage[]): { any: Set<string>; alone: Set<string> } {
  const capitalised = new Map<string, number>();
  for (const passage of passages) {
    for (const m of passageText(passage).matchAll(PROPER_WORD)) {
      const word = foldWord(m[0]);
      capitalised.set(word, (capitalised.get(word) ?? 0) + 1);
    }
  }
  const lower = new Map<string, number>();
  for (const passage of passages) {
    for (const m of passageText(passage).matchAll(LOWER_WORD)) {
      const word = /^[a-z]+$/u.test(m[0]) ? m[0] : foldWord(m[0]);
      const count = lower.get(word);
      if (count !== undefined) lower.set(word, count + 1);
      else if (capitalised.has(word)) lower.set(word, 1);
    }
  }
  const alone = new Set<string>();
  for (const [word, count] of capitalised) if (2 * count >= (lower.get(word) ?? 0)) alone.add(word);
  return { any: new Set(capitalised.keys()), alone };
}

const LOWER_WORD = /(?<![\p{L}\p{M}'’-])\p{Ll}[\p{Ll}\p{M}]*(?![\p{L}\p{M}])/gu;

// A group of people named by a plural ("Latino Republicans", "Cuban Americans", "Metal Traders") is no one person.
const GROUP =
  /\b(?:Republicans|Democrats|Americans|Conservatives|Liberals|Progressives|Independents|Libertarians|Christians|Muslims|Jews|Catholics|Evangelicals|Protestants|Latinos|Hispanics|Asians|Africans|Europeans|Voters|Supporters|Traders|Investors|Dealers|Analysts|Officials|Leaders|Lawmakers|Delegates|Members|Residents|Citizens|Workers|Students|Veterans|Activists|Protesters|Fans|Women|Men|People|Families|Parents|Friends|Critics|Immigrants|Refugees)$/u;

/** True when a name names a group of people by a plural ("Latino Republicans"): never one person. */
export function isGroupName(name: string): boolean {
  return GROUP.test(name);
}

/** Names that are people (titled somewhere, or the subject of a reporting verb), keyed, with a written form. */
function findPersons(passages: readonly Passage[], raw: Map<number, NameMention[]>): Map<string, string> {
  const persons = new Map<string, string>();
  const relatives: { docId: string; name: string }[] = [];
  const surnames = new Set<string>();
  for (const passage of passages) {
    const found = raw.get(passage.id);
    if (!found) continue;
    const text = passageText(passage);
    for (const mention of found) {
      if (mention.organization || isGroupName(mention.name)) continue;
      const nextWord = /^\s+(\p{L}+)/u.exec(text.slice(mention.end))?.[1]?.toLowerCase() ?? "";
      const saidBefore = /\b(?:said|says|according to)\s+$/u.test(text.slice(0, mention.start));
      const described = !mention.possessive && PERSON_APPOSITIVE.test(text.slice(mention.end));
      // A lone word before "said" is as often a country or a company as a person.
      const multiword = mention.name.includes(" ");
      if (
        mention.titled ||
        (multiword && hasGivenName(mention.name)) ||
        (multiword && ((!mention.possessive && REPORTING_VERBS.has(nextWord)) || saidBefore || described))
      ) {
        const key = keyOf(mention.name);
        if (!persons.has(key)) persons.set(key, mention.name);
      } else if (multiword && !mention.possessive && text.slice(0, mention.start).trim() !== "") {
        // (Not at a sentence's start, where "Does Rubio …" is capitalised for that reason alone.)
        relatives.push({ docId: passage.document.id, name: mention.name });
      }
      if (multiword && persons.has(keyOf(mention.name)))
        surnames.add(`${passage.document.id}\u0000${surnameKey(mention.name)}`);
    }
  }
  // "Ivanka Trump" in an article about Donald Trump: a full name ending in the surname of a
  // person of the same article names a person too.
  for (const { docId, name } of relatives) {
    const key = keyOf(name);
    if (!persons.has(key) && surnames.has(`${docId}\u0000${surnameKey(name)}`)) persons.set(key, name);
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

/**
 * Joins short forms of person names to the full name ("Petro" → "Gustavo Petro"): the full
 * name the same article uses, or failing that the full name in the corpus that ends with it.
 * When an article names several people of that surname ("Donald Trump", "Ivanka Trump"), the
 * surname alone is the one the corpus names far more often, else it stays as written.
 */
class Canonicalizer {
  private readonly fullBySurname = new Map<string, string[]>();
  private readonly inDoc = new Map<string, Set<string>>();
  private readonly fullCount = new Map<string, number>();

  /** `persons` maps each person's key to the first way the articles write the name. */
  constructor(
    private readonly persons: Map<string, string>,
    passages: readonly Passage[],
    raw: Map<number, NameMention[]>,
  ) {
    for (const written of persons.values()) {
      if (!/\s/u.test(written)) continue;
      const surname = surnameKey(written);
      this.fullBySurname.set(surname, [...(this.fullBySurname.get(surname) ?? []), written]);
    }
    for (const passage of passages) {
      for (const mention of raw.get(passage.id) ?? []) {
        if (!/\s/u.test(mention.name)) continue;
        const key = keyOf(mention.name);
        const written = persons.get(key);
        if (!written) continue;
        this.fullCount.set(key, (this.fullCount.get(key) ?? 0) + 1);
        const at = `${passage.document.id}\u0000${surnameKey(written)}`;
        const names = this.inDoc.get(at) ?? new Set<string>();
        names.add(written);
        this.inDoc.set(at, names);
      }
    }
  }

  /** The full name a name stands for; `title` is the honorific before it, if any ("Mr."). */
  resolve(name: string, docId: string, title?: string): string {
    if (/\s/u.test(name)) return this.persons.get(keyOf(name)) ?? name;
    const key = keyOf(name);
    // "Mr. Clinton" in an article about both Clintons is Bill: the title rules out the other.
    const wanted = title ? titleGender(title.replace(/\.$/u, "")) : "unknown";
    const fits = (names: Iterable<string>) =>
      [...names].filter((n) => wanted === "unknown" || givenNameGender(n) !== opposite(wanted));
    const inDoc = this.inDoc.get(`${docId}\u0000${key}`);
    if (inDoc) return this.mostNamed(fits(inDoc)) ?? name;
    // Across the corpus, only a name met more than once: "China" must not become the
    // "George Shultz China" of one run-on sentence.
    const corpusWide = this.mostNamed(fits(this.fullBySurname.get(key) ?? []));
    return corpusWide && (this.fullCount.get(keyOf(corpusWide)) ?? 0) >= 2 ? corpusWide : name;
  }

  /** The one of several full names the corpus uses at least three times as often as any other. */
  private mostNamed(names: string[]): string | undefined {
    if (names.length <= 1) return names[0];
    const counted = names
      .map((n) => ({ n, count: this.fullCount.get(keyOf(n)) ?? 0 }))
      .sort((a, b) => b.count - a.count);
    const [first, second] = counted;
    return first && second && first.count >= 3 * second.count ? first.n : undefined;
  }
}

function opposite(gender: Gender): Gender {
  return gender === "male" ? "female" : gender === "female" ? "male" : "unknown";
}

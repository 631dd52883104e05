import { foldAccents } from "../../text/terms.js";
import { type Entity, isGroupName, nameHabits } from "./entity-index.js";
import { type Gender, genderOf, pronounAgreement } from "./gender.js";

// How many recent subjects a pronoun may reach back over (the last, or the one before it when the last
// disagrees: reaching further found the wrong person more often than the right one on the development
// half of PolNeAR), and how many mentioned entities a description.
const SUBJECTS_REACHED = 2;
const MENTIONS_REACHED = 25;

const ACRONYM = /^[\p{Lu}\p{N}&.-]{2,6}$/u;

// Words of news outlets' names ("The Daily Ledger", "CNN"): what "the newspaper" or "the network" can stand for.
const OUTLET_WORDS = new Set(
  `times post news journal herald tribune gazette ledger daily magazine press reuters associated bloomberg
  cnn msnbc nbc abc cbs fox bbc npr pbs afp ap politico axios guardian telegraph observer chronicle globe
  review weekly radio television tv network channel star sun mirror examiner courier dispatch register
  bulletin inquirer record standard monitor wire agency`.split(/\s+/u),
);

// Short forms of role nouns as titles before names ("Sen. Ted Cruz" is "the senator").
const ROLE_FORMS: Record<string, string[]> = {
  senator: ["senator", "sen"],
  governor: ["governor", "gov"],
  representative: ["representative", "rep", "congressman", "congresswoman"],
  congressman: ["congressman", "rep", "representative"],
  congresswoman: ["congresswoman", "rep", "representative"],
  secretary: ["secretary", "sec"],
  president: ["president", "pres"],
  professor: ["professor", "prof"],
};

// Role nouns that describe an organisation, standing for the last one mentioned with that word in its name.
const ORGANIZATION_ROLES = new Set(
  "ministry department agency committee company union administration government commission council party".split(
    " ",
  ),
);

// Words of a description that say nothing about who is meant.
const VAGUE_WORDS = new Set(
  "the a an one another former top senior then current new longtime also".split(" "),
);

function folded(text: string): string[] {
  return foldAccents(text)
    .replaceAll(".", "")
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 0);
}

// The folded words of an entity's descriptions, read once: descriptions are complete before quotes are read.
const describedWordsOf = new WeakMap<Entity, ReadonlySet<string>>();

function describedWords(entity: Entity): ReadonlySet<string> {
  let words = describedWordsOf.get(entity);
  if (!words) {
    words = new Set([...entity.descriptions.keys()].flatMap(folded));
    describedWordsOf.set(entity, words);
  }
  return words;
}

/**
 * What an article has said so far, for resolving "he", "they", "the Ohio governor" and
 * "the newspaper" to an entity. Feed it in reading order: the subject of each sentence
 * (`noteSubject`, also each quote's speaker) and every entity mentioned (`noteMentions`).
 * Pronouns reach only subjects (never a person merely mentioned), most recent first,
 * agreeing in gender and number; a person of unknown gender may be taken, but a name not
 * known as a person's gives way (to nothing) when an older subject would agree.
 */
export class Antecedents {
  private readonly subjects: Entity[] = [];
  private readonly mentioned: Entity[] = [];

  /** Records the subject of a sentence (or the speaker of a quote). */
  noteSubject(entity: Entity): void {
    const at = this.subjects.lastIndexOf(entity);
    if (at >= 0) this.subjects.splice(at, 1);
    this.subjects.push(entity);
  }

  /** Records the entities a sentence mentions. */
  noteMentions(entities: Iterable<Entity>): void {
    for (const entity of entities) {
      const at = this.mentioned.lastIndexOf(entity);
      if (at >= 0) this.mentioned.splice(at, 1);
      this.mentioned.push(entity);
    }
  }

  /** The entity a pronoun ("he", "she", "they") stands for, or undefined when unsure. */
  pronoun(word: string): Entity | undefined {
    const agreement = pronounAgreement(word);
    if (!agreement) return undefined;
    const recent = this.subjects.slice(-SUBJECTS_REACHED).reverse();
    if (agreement.plural) {
      const last = recent[0];
      return last?.kind === "organization" ? last : undefined;
    }
    // A name never titled nor seen as a full name ("Okafor said") may still be a person, of
    // unknown gender; an acronym ("HP", "NBC") or a group ("Latino Republicans") never is.
    const persons = recent.filter(
      (e) => e.kind !== "organization" && !ACRONYM.test(e.name) && !isGroupName(e.name),
    );
    for (const [i, person] of persons.entries()) {
      const gender = genderOf(person);
      if (gender === agreement.gender) return person;
      if (gender !== "unknown") continue;
      if (person.kind === "person") return person;
      // A name never seen as a person's: a place ("in Colorado", "at Sandy Hook") gives way to
      // an older subject known as a person who does not disagree; a name seen speaking ("Sami
      // recalled") is taken; anything else is taken only when no older subject could be meant.
      const older = persons.slice(i + 1);
      const { locative, speaking } = nameHabits(person);
      if (locative > speaking) {
        const known = older.find((p) => p.kind === "person");
        return known && genderOf(known) !== opposite(agreement.gender) ? known : undefined;
      }
      if (speaking > 0) return person;
      const rival = older.some(
        (p) => genderOf(p) === agreement.gender || (p.kind === "person" && genderOf(p) === "unknown"),
      );
      return rival ? undefined : person;
    }
    return undefined;
  }

  /**
   * The person a definite description stands for ("the senator", "the Ohio governor"):
   * the most recently mentioned person whose descriptions carry the role noun and every
   * other telling word. Undefined when no one fits.
   */
  description(text: string): Entity | undefined {
    const words = folded(text).filter((w) => !VAGUE_WORDS.has(w));
    const role = words.at(-1);
    if (!role) return undefined;
    if (ORGANIZATION_ROLES.has(role)) return this.organization(role);
    const forms = ROLE_FORMS[role] ?? [role];
    const modifiers = words.slice(0, -1);
    for (const entity of this.mentioned.slice(-MENTIONS_REACHED).reverse()) {
      if (entity.kind !== "person") continue;
      const known = describedWords(entity);
      if (
        forms.some((f) => known.has(f)) &&
        modifiers.every((m) => known.has(m) || known.has(m.replace(/(?:ian|an|n)$/u, "")))
      )
        return entity;
    }
    return undefined;
  }

  /** "the ministry", "the committee": the last organisation mentioned whose name has that word. */
  private organization(noun: string): Entity | undefined {
    return this.mentioned
      .slice(-MENTIONS_REACHED)
      .reverse()
      .find((e) => e.kind === "organization" && folded(e.name).includes(noun));
  }

  /** The news outlet "the newspaper" or "the network" stands for: the last one mentioned. */
  publication(): Entity | undefined {
    return this.mentioned
      .slice(-MENTIONS_REACHED)
      .reverse()
      .find((e) => e.kind !== "person" && folded(e.name).some((w) => OUTLET_WORDS.has(w)));
  }
}

function opposite(gender: Gender): Gender {
  return gender === "male" ? "female" : gender === "female" ? "male" : "unknown";
}

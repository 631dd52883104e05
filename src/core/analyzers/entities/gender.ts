import { foldWord } from "../../text/terms.js";
import type { Entity } from "./entity-index.js";
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from "./given-names.js";

/** What a pronoun or a person's name tells of gender; `unknown` when nothing does. */
export type Gender = "male" | "female" | "unknown";

// Honorifics and gendered titles as the articles write them before a name.
const MALE_TITLES = new Set(
  "mr mr. sir king prince congressman spokesman chairman lord father brother".split(" "),
);
const FEMALE_TITLES = new Set(
  "mrs ms miss mrs. ms. madam queen princess congresswoman spokeswoman chairwoman lady sister".split(" "),
);

const genders = new WeakMap<Entity, Gender>();

/** The gender an honorific or gendered title asks of the name after it ("Mr.", "Congresswoman"). */
export function titleGender(title: string): Gender {
  const word = title.toLowerCase();
  return MALE_TITLES.has(word) ? "male" : FEMALE_TITLES.has(word) ? "female" : "unknown";
}

/** The gender a person's given name shows ("Hillary Clinton" → female), `unknown` when it shows none. */
export function givenNameGender(name: string): Gender {
  if (!name.includes(" ")) return "unknown";
  const given = foldWord(name.split(/\s+/u)[0] ?? "");
  return MALE_GIVEN_NAMES.has(given) ? "male" : FEMALE_GIVEN_NAMES.has(given) ? "female" : "unknown";
}

/**
 * A person's gender as the articles show it: an honorific or gendered title before the
 * name in any description ("Mr. Okafor", "Congresswoman Ada Lee") first, then a given name
 * that belongs to one gender almost always (see `given-names.ts`). Conflicting evidence,
 * or none, gives `unknown`: a pronoun then never resolves to this person by gender alone.
 */
export function genderOf(entity: Entity): Gender {
  let gender = genders.get(entity);
  if (gender === undefined) {
    gender = readGender(entity);
    genders.set(entity, gender);
  }
  return gender;
}

function readGender(entity: Entity): Gender {
  if (entity.kind !== "person") return "unknown";
  // A given name that almost always belongs to one gender is the surest sign: titles can be
  // another person's, when a surname alone ("Mr. Clinton") was joined to this full name.
  const given = givenNameGender(entity.name);
  if (given !== "unknown") return given;
  let male = 0;
  let female = 0;
  for (const [description, count] of entity.descriptions) {
    for (const word of titleWords(description)) {
      if (MALE_TITLES.has(word)) male += count;
      if (FEMALE_TITLES.has(word)) female += count;
    }
  }
  // Most of the evidence, by far: a stray "Mr." from a namesake does not outvote many "Ms.".
  if (male > 0 && male >= 3 * female) return "male";
  if (female > 0 && female >= 3 * male) return "female";
  return "unknown";
}

/**
 * The words of a description that can be a person's title: those before the name ("Mr.
 * Okafor", "Congresswoman Ada Lee") and the head of an aside after it ("Okafor, a
 * spokeswoman for …"), not every word ("Ivanka Trump, who works at her father's company").
 */
function titleWords(description: string): string[] {
  const [before, aside] = description.toLowerCase().split(/,\s+/u, 2);
  const words = (before ?? "").split(/\s+/u);
  const head =
    /^(?:a|an|the)\s+((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)(?:\s+(?:of|for|at|to|in|on|with|from|who|and)\b|$)/u.exec(
      aside ?? "",
    );
  return head ? [...words, head[2] as string] : words;
}

/** The gender and number a pronoun asks of its antecedent, or undefined for a word that is not one. */
export function pronounAgreement(word: string): { gender: Gender; plural: boolean } | undefined {
  switch (word.toLowerCase()) {
    case "he":
    case "him":
    case "his":
      return { gender: "male", plural: false };
    case "she":
    case "her":
    case "hers":
      return { gender: "female", plural: false };
    case "they":
    case "them":
      return { gender: "unknown", plural: true };
    default:
      return undefined;
  }
}

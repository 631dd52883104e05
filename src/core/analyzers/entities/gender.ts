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
  let male = false;
  let female = false;
  for (const description of entity.descriptions.keys()) {
    for (const word of description.toLowerCase().split(/[\s,]+/u)) {
      if (MALE_TITLES.has(word)) male = true;
      if (FEMALE_TITLES.has(word)) female = true;
    }
  }
  if (male !== female) return male ? "male" : "female";
  if (male && female) return "unknown";
  const given = foldWord(entity.name.split(/\s+/u)[0] ?? "");
  if (entity.name.includes(" ")) {
    if (MALE_GIVEN_NAMES.has(given)) return "male";
    if (FEMALE_GIVEN_NAMES.has(given)) return "female";
  }
  return "unknown";
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

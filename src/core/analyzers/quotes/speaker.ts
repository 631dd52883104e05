import type { Antecedents } from "../entities/antecedents.js";
import type { Entity } from "../entities/entity-index.js";
import { genderOf, pronounAgreement } from "../entities/gender.js";
import { resolveExpression } from "../entities/referents.js";
import type { ReferringExpression } from "../entities/referring-expressions.js";

const NAMED_DESCRIPTION = /^the\s+((?:[\p{L}’'.-]+\s+)*\p{Lu}[\p{L}’'.-]*\s+(?:[\p{L}’'.-]+\s+)*\p{Ll}+)$/u;

/** Who a quotation is attributed to. */
export interface Speaker {
  /** Canonical name, or the description of an unnamed speaker ("an official"). */
  name: string;
  entity?: Entity;
  /** How the text refers to the speaker where the quote is ("he", "an official"). */
  text: string;
}

/**
 * The speaker a referring expression stands for: a name as itself, "he"/"she"/"they" and
 * "the governor"/"the newspaper" through what the article said before, an indefinite
 * description ("an official", "one source") as written. A pronoun whose own clause opened
 * with a named subject of its gender stands for that subject. Undefined when unsure.
 */
export function speakerOf(
  expression: ReferringExpression,
  all: readonly ReferringExpression[],
  antecedents: Antecedents,
  clauseSubject?: ReferringExpression,
): Speaker | undefined {
  if (expression.kind === "pronoun" && clauseSubject && clauseSubject.start < expression.start) {
    const local = agreeingSubject(expression, clauseSubject);
    if (local) return { name: local.name, entity: local, text: expression.text };
  }
  const referent = resolveExpression(expression, all, antecedents);
  if (referent) return { name: referent.entity.name, entity: referent.entity, text: expression.text };
  if (expression.kind === "description" && !expression.definite)
    return { name: expression.text.toLowerCase(), text: expression.text };
  // "the Trump campaign", "the senior Cruz adviser": a description that names whom it belongs to
  // says who spoke well enough when no one earlier fits it; "the senator" alone does not.
  const named = expression.kind === "description" ? NAMED_DESCRIPTION.exec(expression.text) : null;
  if (named) return { name: named[1] as string, text: expression.text };
  return undefined;
}

/**
 * "Díaz-Canel praised the leader for what he called …": a pronoun whose own clause opened
 * with a named subject stands for that subject when gender does not rule it out.
 */
function agreeingSubject(pronoun: ReferringExpression, subject: ReferringExpression): Entity | undefined {
  const entity = subject.mention?.entity;
  if (!entity || entity.kind === "organization") return undefined;
  const wanted = pronounAgreement(pronoun.text);
  if (!wanted || wanted.plural) return undefined;
  const gender = genderOf(entity);
  return gender === wanted.gender || gender === "unknown" ? entity : undefined;
}

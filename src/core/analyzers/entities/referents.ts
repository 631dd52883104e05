/**
 * Which entity each sentence is about, through a name, a pronoun or a description.
 *
 * Shape (stable):
 *   sentenceReferents(passages: readonly Passage[], mentions: MentionTable): Map<number, Referent>
 *   Referent = { entity: Entity; via: "name" | "pronoun" | "description"; text: string; start: number; end: number }
 * Passages in corpus order (whole articles; `PassageStore.all` or a slice of it); `mentions`
 * from `EntityIndex.build`. Keys are passage ids; offsets are in the passage's sentence.
 * A sentence with no subject, or whose subject cannot be resolved with confidence, has no entry.
 */
import { type Passage, passageText } from "../../index/passages.js";
import { Antecedents } from "./antecedents.js";
import { sentenceSubject } from "./clause-subject.js";
import type { Entity, MentionTable, ResolvedMention } from "./entity-index.js";
import { findQuoteSpans } from "./quoted-text.js";
import { type ReferringExpression, referringExpressions } from "./referring-expressions.js";

/** The entity a sentence is about, and the words that refer to it. */
export interface Referent {
  entity: Entity;
  /** How the sentence refers to it: by name, by a pronoun ("she") or by a description ("the governor"). */
  via: "name" | "pronoun" | "description";
  /** The referring words as written. */
  text: string;
  start: number;
  end: number;
}

/**
 * The subject of each sentence's main clause (words inside quotation marks left out),
 * resolved to an entity: a name directly, "he"/"she"/"they" to an earlier subject of the
 * same article that agrees in gender and number, "the Ohio governor" to the person the
 * article described so, "who" to the name before it. Unsure resolutions are left out.
 */
export function sentenceReferents(
  passages: readonly Passage[],
  mentions: MentionTable,
): Map<number, Referent> {
  const referents = new Map<number, Referent>();
  let antecedents = new Antecedents();
  let document: Passage["document"] | undefined;
  for (const passage of passages) {
    if (passage.document !== document) {
      document = passage.document;
      antecedents = new Antecedents();
    }
    const text = maskQuoted(passageText(passage));
    const own = (mentions.get(passage.id) ?? []).filter((m) => text[m.start] !== " ");
    const expressions = referringExpressions(text, own);
    const subject = sentenceSubject(text, expressions);
    const referent = subject && resolveExpression(subject, expressions, antecedents);
    if (referent) {
      referents.set(passage.id, referent);
      antecedents.noteSubject(referent.entity);
    }
    antecedents.noteMentions(own.map((m: ResolvedMention) => m.entity));
  }
  return referents;
}

/** Resolves one referring expression against what the article said before it. */
export function resolveExpression(
  expression: ReferringExpression,
  all: readonly ReferringExpression[],
  antecedents: Antecedents,
): Referent | undefined {
  const place = { text: expression.text, start: expression.start, end: expression.end };
  switch (expression.kind) {
    case "name":
      return expression.mention && { entity: expression.mention.entity, via: "name", ...place };
    case "relative": {
      const before = [...all].reverse().find((e) => e.kind === "name" && e.end <= expression.start);
      return before?.mention && { entity: before.mention.entity, via: "name", ...place };
    }
    case "pronoun": {
      const entity = antecedents.pronoun(expression.text);
      return entity && { entity, via: "pronoun", ...place };
    }
    case "description": {
      const entity = expression.definite ? antecedents.description(expression.text) : undefined;
      return entity && { entity, via: "description", ...place };
    }
    case "publication": {
      const entity = antecedents.publication();
      return entity && { entity, via: "description", ...place };
    }
  }
}

/** The text with the words inside quotation marks blanked (same length, so offsets hold). */
export function maskQuoted(text: string): string {
  let masked = text;
  for (const span of findQuoteSpans(text)) {
    const from = span.open + 1;
    const to = span.openEnded ? span.close : span.close - 1;
    masked = masked.slice(0, from) + " ".repeat(Math.max(0, to - from)) + masked.slice(to);
  }
  return masked;
}

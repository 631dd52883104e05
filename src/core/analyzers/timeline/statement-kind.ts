import { tenseMarkers } from "../dates/tense.js";

/**
 * What a sentence without a date expression states, for the timeline: a `past` event
 * ("Jobs announced…", "The firm was fined"), a `current` one reported as of publication
 * ("Apple has launched…", "is recalling…"), or `background` that is no event at all:
 * the future or the hypothetical ("will", "plans to", "could"), a definition or a
 * standing fact in the simple present ("The iPod is a music player"), an opinion ("I
 * think", "believes"), a question, or a sentence that is mostly a quotation.
 */
export type StatementKind = "past" | "current" | "background";

// ASCII patterns without the `u` flag: they run on every undated sentence of a corpus.
const MODAL = /\b(?:would|could|might|may|should|must|can)\s+(?:not\s+)?(?:be|have|[a-z]+)\b/i;
const OPINION =
  /\b(?:I|we)\s+(?:think|believe|feel|hope|guess|expect)\b|\b(?:believes?|thinks?|hopes?|fears?|wonders?)\s+(?:that\s+)?/i;
// "has launched", "have sold": done as of publication.
const PERFECT =
  /\b(?:has|have|had)\s+(?:(?:not|never|already|just|now|also|since|been)\s+)*(?:[a-z]+ed|[a-z]+en|been|made|built|won|lost|sold|bought|paid|led|left|met|spent|sent|brought|found|held|kept|told|said|begun|grown|taken|given|shown|become|run|cut|put|set|hit|struck|fought|undergone)\b/i;
const PROGRESSIVE = /\b(?:is|are)\s+(?:now\s+|currently\s+|also\s+)?[a-z]{3,}ing\b/i;
const QUOTE_MARKS = /["“”]/g;

/** The share of a sentence inside quotation marks (straight or curly). */
function quotedShare(sentence: string): number {
  const marks = [...sentence.matchAll(QUOTE_MARKS)].map((m) => m.index);
  let quoted = 0;
  for (let i = 0; i + 1 < marks.length; i += 2) quoted += (marks[i + 1] ?? 0) - (marks[i] ?? 0);
  return sentence.length === 0 ? 0 : quoted / sentence.length;
}

/** Removes the quoted words, whose tense is the speaker's, not the report's. */
function unquoted(sentence: string): string {
  return sentence.replace(/["“][^"”]*["”]/g, (quote) => " ".repeat(quote.length));
}

/** What an undated sentence states (see `StatementKind`). */
export function statementKind(sentence: string): StatementKind {
  const trimmed = sentence.trim();
  if (trimmed.endsWith("?") || quotedShare(trimmed) > 0.5) return "background";
  const text = unquoted(trimmed);
  if (OPINION.test(text)) return "background";
  const markers = tenseMarkers(text);
  const firstPast = markers.find((m) => m.tense === "past")?.start ?? Number.POSITIVE_INFINITY;
  // "Jobs announced that the switch would happen next year": the future or the
  // hypothetical after a past verb is what was said, and the saying is the event.
  const firstFuture = markers.find((m) => m.tense === "future")?.start ?? Number.POSITIVE_INFINITY;
  const modal = MODAL.exec(text)?.index ?? Number.POSITIVE_INFINITY;
  if (Math.min(firstFuture, modal) < firstPast) return "background";
  const perfect = PERFECT.exec(text)?.index ?? PROGRESSIVE.exec(text)?.index;
  if (perfect !== undefined && perfect <= firstPast) return "current";
  return firstPast < Number.POSITIVE_INFINITY ? "past" : "background";
}

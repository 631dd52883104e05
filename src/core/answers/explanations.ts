import { causalSignal } from "../analyzers/causes/causal-cues.js";
import { causeInNext, causeInPrevious } from "../analyzers/causes/neighbour-cause.js";
import { topicCausalSide } from "../analyzers/causes/topic-side.js";
import type { Item } from "../answer.js";
import type { Engine } from "../engine.js";
import type { Passage } from "../index/passages.js";
import type { PassageHit } from "../index/search-index.js";
import { markTerms, passageItem } from "./items.js";

// How much a clear causal cue lifts a passage against a merely relevant one.
const CAUSAL_WEIGHT = 1.5;
// How many of the best matches are looked at for a cause in the sentence next to them.
const NEIGHBOUR_LOOKUPS = 50;

interface Ranked {
  id: number;
  terms: readonly string[];
  score: number;
  causal: boolean;
  /** The passage stating this one's cause, next to it: shown right after it. */
  cause?: number;
}

/** What `explanationItems` found: the items, and whether any of them states a cause. */
export interface Explanations {
  items: Item[];
  /** False when no passage has a causal cue or a neighbour's cause: the items only mention the topic. */
  anyCausal: boolean;
}

/**
 * The items of `/why` for a topic's search hits. A passage that states the topic as an
 * effect brings its cause: the same sentence's cause clause ("revoked the visa after he
 * called for…", ranked by its causal cue and the topic's side of it), or the sentence
 * next to it when an anaphor and a causal predicate tie them ("…turned back midair. His
 * decision came in response to reports that…") or a result connective points back ("As
 * a result, …"): the cause is then shown right after the effect, with `explains` citing
 * it. Explanations rank above passages that only mention the topic, which are left out
 * when any passage explains.
 */
export function explanationItems(engine: Engine, hits: readonly PassageHit[]): Explanations {
  const best = hits[0]?.score ?? 1;
  // Copies of a story (the wire sent it again) repeat a sentence with the same words matched:
  // its cue is read once.
  const cues = new Map<string, { lift: number; causal: boolean }>();
  const ranked: Ranked[] = hits
    .map((hit) => {
      const text = engine.text(hit.id);
      const key = `${hit.terms.join("\u0000")}\u0001${text}`;
      let cue = cues.get(key);
      if (cue === undefined) {
        const signal = causalSignal(text);
        // The topic on the effect side of a cue ("revoked the visa after …") is what /why asks about;
        // a sentence without a cue has no side, so its topic words are not looked for.
        const boost =
          signal.matches.length === 0 ? 0 : topicCausalSide(text, markTerms(text, hit.terms), signal).boost;
        cue = { lift: CAUSAL_WEIGHT * (signal.score + boost), causal: signal.score > 0 };
        cues.set(key, cue);
      }
      const score = hit.score / best + cue.lift;
      return { id: hit.id, terms: hit.terms, score, causal: cue.causal };
    })
    .sort((a, b) => b.score - a.score);
  for (const entry of ranked.slice(0, NEIGHBOUR_LOOKUPS)) {
    const neighbour = neighbourCause(engine, entry.id);
    if (neighbour === undefined) continue;
    entry.cause = neighbour.id;
    entry.causal = true;
    entry.score += CAUSAL_WEIGHT * neighbour.score;
  }
  ranked.sort((a, b) => b.score - a.score);
  const anyCausal = ranked.some((r) => r.causal);
  const items: Item[] = [];
  const shown = new Set<number>();
  // A story the wire sent twice gives the same sentence twice: shown once, cited from each copy.
  const byText = new Map<string, Item>();
  const show = (id: number, terms: readonly string[]): Item | undefined => {
    if (shown.has(id)) return undefined;
    shown.add(id);
    const text = engine.text(id);
    const same = byText.get(text);
    if (same !== undefined) {
      same.alsoIn = [...(same.alsoIn ?? []), engine.citation(id)];
      return undefined;
    }
    const item = markedItem(engine, id, terms);
    byText.set(text, item);
    items.push(item);
    return item;
  };
  for (const entry of ranked) {
    if (anyCausal && !entry.causal) continue;
    const effect = show(entry.id, entry.terms);
    if (effect === undefined || entry.cause === undefined) continue;
    const cause = show(entry.cause, []);
    if (cause !== undefined) cause.explains = engine.citation(entry.id);
  }
  return { items, anyCausal };
}

function markedItem(engine: Engine, id: number, terms: readonly string[]): Item {
  const item = passageItem(engine, id);
  const marks = markTerms(item.text, terms);
  if (marks.length > 0) item.marks = marks;
  return item;
}

/** The sentence next to a passage that states its cause, if one does (see `causeInNext`, `causeInPrevious`). */
function neighbourCause(engine: Engine, id: number): { id: number; score: number } | undefined {
  const passage = engine.passage(id);
  const next = engine.passages.get(id + 1);
  if (next !== undefined && adjacent(passage, next)) {
    const found = causeInNext(engine.text(next.id));
    if (found !== undefined) return { id: next.id, score: found.score };
  }
  const previous = engine.passages.get(id - 1);
  if (previous !== undefined && adjacent(previous, passage)) {
    const found = causeInPrevious(engine.text(id));
    if (found !== undefined) return { id: previous.id, score: found.score };
  }
  return undefined;
}

/** The next sentence of the same paragraph, or the first of the next paragraph. */
function adjacent(first: Passage, second: Passage): boolean {
  if (first.document !== second.document) return false;
  if (first.paragraph === second.paragraph) return second.sentenceIndex === first.sentenceIndex + 1;
  return (
    first.sentenceIndex === first.paragraph.sentences.length - 1 &&
    second.sentenceIndex === 0 &&
    second.paragraph.number === first.paragraph.number + 1
  );
}

import { groupEvents } from "./analyzers/dates/extract-events.js";
import type { EventGroup } from "./analyzers/dates/types.js";
import { EntityIndex } from "./analyzers/entities/entity-index.js";
import { extractQuotes, type Quotation } from "./analyzers/quotes/extract-quotes.js";
import { type EntityReferences, entityReferences } from "./analyzers/timeline/entity-references.js";
import { SentenceSubjects } from "./analyzers/timeline/sentence-subjects.js";
import { timelineEvents } from "./analyzers/timeline/timeline-events.js";
import type { Citation } from "./answer.js";
import { type AnswerTables, buildAnswerTables } from "./answers/answer-tables.js";
import { type CorpusWarning, type LoadOptions, loadCorpus } from "./corpus/load-corpus.js";
import { Completions } from "./index/completions.js";
import { citationOf, type Passage, PassageStore, passageText } from "./index/passages.js";
import { SearchIndex } from "./index/search-index.js";
import type { NewsDocument } from "./model.js";

/** Where autocomplete suggestions come from. */
export type CompletionSource = "speakers" | "entities" | "topics";

/** Counts and timings of an engine build, for logs and `/metrics`. */
export interface EngineStats {
  documents: number;
  paragraphs: number;
  passages: number;
  quotes: number;
  events: number;
  entities: number;
  warnings: number;
  /** Milliseconds spent in each build step. */
  timings: Record<string, number>;
}

/** Everything an engine is made of; a snapshot stores these. */
export interface EngineParts {
  documents: readonly NewsDocument[];
  warnings: readonly CorpusWarning[];
  passages: PassageStore;
  entities: EntityIndex;
  /** The sentences that speak of an entity through a pronoun or a description. */
  references: EntityReferences;
  /** The anaphoric subject each sentence opens with, for `/timeline`'s chains. */
  subjects: SentenceSubjects;
  quotes: readonly Quotation[];
  events: readonly EventGroup[];
  index: SearchIndex;
  completions: Record<CompletionSource, Completions>;
  /** What `/who` and `/quote` would otherwise scan every match for (see `AnswerTables`). */
  tables: AnswerTables;
  timings: Record<string, number>;
}

/**
 * The explainer engine: a corpus segmented into passages, its MiniSearch index,
 * and what the analyzers extracted (entities, quotes, dated events). Immutable
 * once built, so a reload builds a new one and swaps it in whole.
 */
export class Engine {
  readonly documents: readonly NewsDocument[];
  readonly passages: PassageStore;
  readonly index: SearchIndex;
  readonly entities: EntityIndex;
  /** The sentences that speak of an entity through a pronoun or a description (`/timeline` follows them). */
  readonly references: EntityReferences;
  /** The anaphoric subject each sentence opens with and where its own subject ends (`/timeline` chains through them). */
  readonly subjects: SentenceSubjects;
  readonly quotes: readonly Quotation[];
  readonly events: readonly EventGroup[];
  readonly warnings: readonly CorpusWarning[];
  readonly stats: EngineStats;
  readonly completions: Readonly<Record<CompletionSource, Completions>>;
  /** What `/who` and `/quote` would otherwise scan every match for (see `AnswerTables`). */
  readonly tables: AnswerTables;

  /** Assembles an engine from its parts (see `Engine.build` to make them). */
  constructor(parts: EngineParts) {
    this.documents = parts.documents;
    this.warnings = parts.warnings;
    this.passages = parts.passages;
    this.entities = parts.entities;
    this.references = parts.references;
    this.subjects = parts.subjects;
    this.quotes = parts.quotes;
    this.events = parts.events;
    this.index = parts.index;
    this.completions = parts.completions;
    this.tables = parts.tables;
    this.stats = {
      documents: parts.documents.length,
      paragraphs: parts.documents.reduce((n, d) => n + d.paragraphs.length, 0),
      passages: parts.passages.all.length,
      quotes: parts.quotes.length,
      events: parts.events.length,
      entities: parts.entities.size,
      warnings: parts.warnings.length,
      timings: parts.timings,
    };
  }

  /** Builds an engine from loaded documents: segments, analyzes and indexes them. */
  static build(documents: readonly NewsDocument[], warnings: readonly CorpusWarning[] = []): Engine {
    const timings: Record<string, number> = {};
    const time = <T>(step: string, work: () => T): T => {
      const started = performance.now();
      const result = work();
      timings[step] = Math.round(performance.now() - started);
      return result;
    };
    const passages = time("passages", () => new PassageStore(documents));
    const { index: entities, mentions } = time("entities", () => EntityIndex.build(passages.all));
    const quotes = time("quotes", () => extractQuotes(documents, passages, mentions));
    const references = time("references", () => entityReferences(passages.all, mentions));
    const subjects = time("subjects", () => SentenceSubjects.build(passages, mentions));
    const events = time("events", () => groupEvents(timelineEvents(passages.all), passages.all));
    const index = time("index", () =>
      SearchIndex.build(passages.all, (p) => (mentions.get(p.id) ?? []).map((m) => m.entity.name)),
    );
    const completions = time("completions", () => ({
      speakers: Completions.fromCounts(countSpeakers(quotes)),
      entities: Completions.fromCounts(entities.all().map((e) => [e.name, e.passageIds.length])),
      topics: Completions.topics(passages.all, entities),
    }));
    const tables = time("tables", () =>
      buildAnswerTables(entities.atPositions(), quotes, (id) => passageText(passages.get(id) as Passage)),
    );
    return new Engine({
      documents,
      warnings,
      passages,
      entities,
      references,
      subjects,
      quotes,
      events,
      index,
      completions,
      tables,
      timings,
    });
  }

  /** The citation of a passage. */
  citation(passageId: number): Citation {
    const passage = this.passage(passageId);
    return citationOf(passage.document, passage.paragraph);
  }

  /** A passage by id; throws on an id the engine never gave out. */
  passage(passageId: number): Passage {
    const passage = this.passages.get(passageId);
    if (!passage) throw new RangeError(`No passage ${passageId}`);
    return passage;
  }

  /** The verbatim text of a passage. */
  text(passageId: number): string {
    return passageText(this.passage(passageId));
  }

  /** Up to `limit` (≤ 25) suggestions that start with what the user typed, most frequent first. */
  complete(source: CompletionSource, typed: string, limit = 25): string[] {
    return this.completions[source].complete(typed, Math.min(limit, 25));
  }
}

/** Loads a corpus folder (or file) and builds its engine, reporting load progress. */
export async function loadEngine(path: string, options: LoadOptions = {}): Promise<Engine> {
  const started = performance.now();
  const { documents, warnings } = await loadCorpus(path, options);
  const loaded = performance.now();
  const engine = Engine.build(documents, warnings);
  engine.stats.timings.load = Math.round(loaded - started);
  return engine;
}

function countSpeakers(quotes: readonly Quotation[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const q of quotes) if (q.entity) counts.set(q.entity.name, (counts.get(q.entity.name) ?? 0) + 1);
  return [...counts];
}

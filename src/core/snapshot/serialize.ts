import type { EventGroup } from "../analyzers/dates/types.js";
import { type Entity, EntityIndex, type EntityIndexJSON } from "../analyzers/entities/entity-index.js";
import type { Quotation } from "../analyzers/quotes/extract-quotes.js";
import { SentenceSubjects, type SentenceSubjectsJSON } from "../analyzers/timeline/sentence-subjects.js";
import { type AnswerTablesJSON, answerTablesFromJSON, answerTablesToJSON } from "../answers/answer-tables.js";
import type { CorpusWarning } from "../corpus/load-corpus.js";
import { type CompletionSource, Engine } from "../engine.js";
import { Completions } from "../index/completions.js";
import { PassageStore } from "../index/passages.js";
import { postingsFromBinary, postingsToBinary, type RankedPostingsHeader } from "../index/ranked-postings.js";
import { SearchIndex } from "../index/search-index.js";
import type { NewsDocument, Paragraph } from "../model.js";
import { SNAPSHOT_FORMAT } from "./fingerprint.js";

/** A paragraph in a snapshot: `[kind, heading, offset, length, ...sentence starts and ends]`; its text is a slice of the body. */
type ParagraphJSON = [0 | 1, string | null, number, number, ...number[]];

/** A document in a snapshot: metadata and body, paragraphs compacted. */
type DocumentJSON = Omit<NewsDocument, "paragraphs"> & { paragraphs: ParagraphJSON[] };

/** A quotation in a snapshot: its entity by position. */
type QuotationJSON = Omit<Quotation, "entity"> & { entity?: number };

/** What a snapshot file holds. */
export interface SnapshotJSON {
  format: number;
  key: string;
  documents: DocumentJSON[];
  warnings: CorpusWarning[];
  entities: EntityIndexJSON;
  /** `Engine.references`: each entity by position, with the passages that refer to it. */
  references: [number, number[]][];
  /** `Engine.subjects`, for `/timeline`'s chains. */
  subjects: SentenceSubjectsJSON;
  quotes: QuotationJSON[];
  events: EventGroup[];
  /** The index's ranked postings; their arrays are in the snapshot's binary part. */
  index: RankedPostingsHeader;
  completions: Record<CompletionSource, [string, number][]>;
  /** Each completion list's word index order (see `Completions.wordOrder`). */
  completionWords: Record<CompletionSource, number[]>;
  /** `Engine.tables` (format 14): entities and quotations by position. */
  answerTables: AnswerTablesJSON;
  timings: Record<string, number>;
}

/** A snapshot: plain data, and the index postings' bytes. */
export interface Snapshot {
  json: SnapshotJSON;
  postings: Buffer;
}

/** The engine as plain data and bytes, under the corpus key it was built from. */
export function engineToSnapshot(engine: Engine, key: string): Snapshot {
  const positions = engine.entities.positions();
  const { header, bytes } = postingsToBinary(engine.index.postings);
  const json: SnapshotJSON = {
    format: SNAPSHOT_FORMAT,
    key,
    documents: engine.documents.map(documentToJSON),
    warnings: [...engine.warnings],
    entities: engine.entities.toJSON(),
    references: [...engine.references].map(([entity, ids]) => [positions.get(entity) as number, [...ids]]),
    subjects: engine.subjects.toJSON(),
    quotes: engine.quotes.map(({ entity, ...q }) =>
      entity ? { ...q, entity: positions.get(entity) as number } : q,
    ),
    events: [...engine.events],
    index: header,
    completions: {
      speakers: engine.completions.speakers.counts(),
      entities: engine.completions.entities.counts(),
      topics: engine.completions.topics.counts(),
    },
    completionWords: {
      speakers: engine.completions.speakers.wordOrder(),
      entities: engine.completions.entities.wordOrder(),
      topics: engine.completions.topics.wordOrder(),
    },
    answerTables: answerTablesToJSON(engine.tables, positions),
    timings: engine.stats.timings,
  };
  return { json, postings: bytes };
}

/** Rebuilds an engine from a snapshot. Throws when it is not a snapshot of this format. */
export function engineFromSnapshot({ json: data, postings }: Snapshot): Engine {
  if (
    data?.format !== SNAPSHOT_FORMAT ||
    !Array.isArray(data.documents) ||
    !data.index ||
    !Array.isArray(data.references) ||
    !data.subjects
  ) {
    throw new Error("not a snapshot of this version");
  }
  const documents = data.documents.map(documentFromJSON);
  const passages = new PassageStore(documents);
  const entities = EntityIndex.fromJSON(data.entities);
  const byPosition = entities.atPositions();
  const references = new Map<Entity, number[]>();
  for (const [position, ids] of data.references) {
    const entity = byPosition[position];
    if (entity !== undefined) references.set(entity, ids);
  }
  const subjects = SentenceSubjects.fromJSON(data.subjects, passages);
  const quotes: Quotation[] = data.quotes.map(({ entity, ...q }) => {
    const found = entity === undefined ? undefined : byPosition[entity];
    return found ? { ...q, entity: found } : q;
  });
  const index = SearchIndex.fromPostings(postingsFromBinary(data.index, postings));
  if (index.size !== passages.all.length) throw new Error("index and passages disagree");
  return new Engine({
    documents,
    warnings: data.warnings,
    passages,
    entities,
    references,
    subjects,
    quotes,
    events: data.events,
    index,
    completions: {
      speakers: Completions.fromCounts(data.completions.speakers, data.completionWords?.speakers),
      entities: Completions.fromCounts(data.completions.entities, data.completionWords?.entities),
      topics: Completions.fromCounts(data.completions.topics, data.completionWords?.topics),
    },
    tables: answerTablesFromJSON(data.answerTables, byPosition, quotes.length),
    timings: data.timings,
  });
}

// Paragraph texts are slices of the body: storing them again would double the snapshot.
function documentToJSON(document: NewsDocument): DocumentJSON {
  return {
    ...document,
    paragraphs: document.paragraphs.map((p): ParagraphJSON => {
      const bounds = p.sentences.flatMap((s) => [s.start, s.end]);
      return [p.kind === "list" ? 1 : 0, p.heading ?? null, p.offset, p.text.length, ...bounds];
    }),
  };
}

function documentFromJSON(data: DocumentJSON): NewsDocument {
  const paragraphs = data.paragraphs.map(([kind, heading, offset, length, ...bounds], i) => {
    const sentences = [];
    for (let k = 0; k + 1 < bounds.length; k += 2)
      sentences.push({ start: bounds[k] as number, end: bounds[k + 1] as number });
    const paragraph: Paragraph = {
      number: i + 1,
      kind: kind === 1 ? "list" : "text",
      text: data.body.slice(offset, offset + length),
      offset,
      sentences,
    };
    if (heading !== null) paragraph.heading = heading;
    return paragraph;
  });
  return { ...data, paragraphs };
}

import MiniSearch, { type Options } from "minisearch";
import { bm25, weighted } from "./bm25.js";

/**
 * An index's postings as flat typed arrays, scored once with MiniSearch's own
 * BM25+ (see bm25.ts) and kept in two orders per term:
 * - by document id (`docs`, `scores`), for looking a document's score up;
 * - by impact (`impact`: score descending, then id ascending), so the best
 *   documents for a word are its first postings and a top-k search can stop
 *   early instead of scoring every match.
 * The per-field postings with term frequencies are kept too: typo and prefix
 * matches are weighted per field, as MiniSearch weighs them.
 *
 * Nothing here is materialised per term: a snapshot's arrays are used as they
 * are read, so starting costs no more than reading them.
 */
export interface RankedPostingsData {
  /** MiniSearch's document count (the N of BM25). */
  documentCount: number;
  /** Field ids in the order MiniSearch scores them (its `fields` option). */
  fieldOrder: number[];
  /** Boost of each field, by position in `fieldOrder`. */
  fieldBoosts: number[];
  /** Average length of each field, by field id. */
  averageFieldLength: number[];
  /** Every index term, in MiniSearch's order (the order its radix tree was filled in). */
  terms: string[];
  /** One past the largest document id. */
  idLimit: number;
  /** Uint32 `[id * fields + fieldId]`: the length of each field of each document. */
  fieldLengths: Uint32Array;
  /** Uint32, `terms × fields + 1` offsets: the postings of term t in field f start at `[t * fields + f]`. */
  fieldStart: Uint32Array;
  /** Uint32 document ids of the per-field postings, ascending within a term's field. */
  fieldDocs: Uint32Array;
  /** Uint32 term frequency of each per-field posting. */
  fieldFreqs: Uint32Array;
  /** Uint32, `terms + 1` offsets of each term's postings in `docs`, `scores` and `impact`. */
  termStart: Uint32Array;
  /** Uint32 document ids, ascending within a term. */
  docs: Uint32Array;
  /** Float64 score of the term alone for each document (MiniSearch's, to the last bit). */
  scores: Float64Array;
  /** Uint32 positions within each term's postings, best score first, ties by ascending id. */
  impact: Uint32Array;
}

/** The private parts of MiniSearch this reads. */
interface Internals {
  _documentCount: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
  _options: { fields: string[] };
}

/**
 * Scores a MiniSearch index's postings once, term by term, exactly as its
 * `termResults` would for a one-word query with these field boosts. Reads
 * MiniSearch's private maps (the ones its own `toJSON` reads), so it is tied to
 * MiniSearch 7; it throws when their shape differs.
 */
export function rankPostings<T>(
  mini: MiniSearch<T>,
  boosts: Readonly<Record<string, number>>,
): RankedPostingsData {
  const m = internals(mini);
  const fieldCount = Object.keys(m._fieldIds).length;
  const fieldOrder = m._options.fields.map((field) => m._fieldIds[field] as number);
  const fieldBoosts = m._options.fields.map((field) => boosts[field] || 1);
  const shortToId = new Map<number, number>();
  let idLimit = 0;
  for (const [shortId, id] of m._documentIds) {
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id >= 2 ** 32) {
      throw new Error("rankPostings: document ids must be non-negative integers");
    }
    shortToId.set(shortId, id);
    idLimit = Math.max(idLimit, id + 1);
  }
  const fieldLengths = new Uint32Array(idLimit * fieldCount);
  for (const [shortId, lengths] of m._fieldLength) {
    const id = shortToId.get(shortId) as number;
    for (let f = 0; f < fieldCount; f++) fieldLengths[id * fieldCount + f] = lengths[f] ?? 0;
  }
  const terms: string[] = [];
  const fieldStart: number[] = [0];
  const fieldDocs: number[] = [];
  const fieldFreqs: number[] = [];
  const termStart: number[] = [0];
  const docs: number[] = [];
  const scores: number[] = [];
  const impact: number[] = [];
  const score = new Map<number, number>();
  for (const [term, byField] of m._index) {
    terms.push(term);
    score.clear();
    const perField: [number, number][][] = [];
    for (let f = 0; f < fieldCount; f++) {
      const postings: [number, number][] = [];
      for (const [shortId, frequency] of byField.get(f) ?? []) {
        postings.push([shortToId.get(shortId) as number, frequency]);
      }
      postings.sort((a, b) => a[0] - b[0]);
      perField[f] = postings;
      for (const [id, frequency] of postings) {
        fieldDocs.push(id);
        fieldFreqs.push(frequency);
      }
      fieldStart.push(fieldDocs.length);
    }
    // Field by field in scoring order, as termResults adds them up.
    fieldOrder.forEach((fieldId, position) => {
      const postings = perField[fieldId] as [number, number][];
      const boost = fieldBoosts[position] as number;
      const average = m._avgFieldLength[fieldId] as number;
      for (const [id, frequency] of postings) {
        const length = fieldLengths[id * fieldCount + fieldId] as number;
        const contribution = weighted(
          1,
          boost,
          bm25(frequency, postings.length, m._documentCount, length, average),
        );
        const previous = score.get(id);
        score.set(id, previous === undefined ? contribution : previous + contribution);
      }
    });
    const ids = [...score.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      docs.push(id);
      scores.push(score.get(id) as number);
    }
    const order = ids.map((_, i) => i);
    order.sort(
      (a, b) => (score.get(ids[b] as number) as number) - (score.get(ids[a] as number) as number) || a - b,
    );
    for (const position of order) impact.push(position);
    termStart.push(docs.length);
  }
  return {
    documentCount: m._documentCount,
    fieldOrder,
    fieldBoosts,
    averageFieldLength: [...m._avgFieldLength],
    terms,
    idLimit,
    fieldLengths,
    fieldStart: Uint32Array.from(fieldStart),
    fieldDocs: Uint32Array.from(fieldDocs),
    fieldFreqs: Uint32Array.from(fieldFreqs),
    termStart: Uint32Array.from(termStart),
    docs: Uint32Array.from(docs),
    scores: Float64Array.from(scores),
    impact: Uint32Array.from(impact),
  };
}

/**
 * The MiniSearch index these postings were ranked from, rebuilt (document
 * short ids are the ids): for exhaustive searches that check the fast path,
 * and for anyone who needs MiniSearch's own API. Its terms are inserted in the
 * same order as the original's iteration, like MiniSearch's own `loadJS`.
 */
export function toMiniSearch<T>(data: RankedPostingsData, options: Options<T>): MiniSearch<T> {
  const fieldCount = data.averageFieldLength.length;
  const fieldIds = Object.fromEntries(options.fields.map((field, i) => [field, i]));
  const mini = MiniSearch.loadJS<T>(
    {
      documentCount: data.documentCount,
      nextId: data.idLimit,
      documentIds: {},
      fieldIds,
      fieldLength: {},
      averageFieldLength: data.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const m = mini as unknown as {
    _documentIds: Map<number, number>;
    _idToShortId: Map<number, number>;
    _fieldLength: Map<number, number[]>;
    _index: { set(term: string, data: Map<number, Map<number, number>>): unknown };
  };
  const present = new Set<number>();
  for (let i = 0; i < data.docs.length; i++) present.add(data.docs[i] as number);
  for (const id of [...present].sort((a, b) => a - b)) {
    m._documentIds.set(id, id);
    m._idToShortId.set(id, id);
    m._fieldLength.set(id, Array.from(data.fieldLengths.subarray(id * fieldCount, (id + 1) * fieldCount)));
  }
  data.terms.forEach((term, t) => {
    const byField = new Map<number, Map<number, number>>();
    for (let f = 0; f < fieldCount; f++) {
      const start = data.fieldStart[t * fieldCount + f] as number;
      const end = data.fieldStart[t * fieldCount + f + 1] as number;
      if (start === end) continue;
      const postings = new Map<number, number>();
      for (let p = start; p < end; p++)
        postings.set(data.fieldDocs[p] as number, data.fieldFreqs[p] as number);
      byField.set(f, postings);
    }
    m._index.set(term, byField);
  });
  return mini;
}

/** Throws unless the arrays fit together (a truncated or mixed-up snapshot). */
export function checkPostings(data: RankedPostingsData): void {
  const fieldCount = data.averageFieldLength.length;
  const termCount = data.terms.length;
  const ok =
    data.fieldOrder.length === fieldCount &&
    data.fieldBoosts.length === fieldCount &&
    data.fieldLengths.length === data.idLimit * fieldCount &&
    data.fieldStart.length === termCount * fieldCount + 1 &&
    data.fieldStart[termCount * fieldCount] === data.fieldDocs.length &&
    data.fieldFreqs.length === data.fieldDocs.length &&
    data.termStart.length === termCount + 1 &&
    data.termStart[termCount] === data.docs.length &&
    data.scores.length === data.docs.length &&
    data.impact.length === data.docs.length;
  if (!ok) throw new Error("ranked postings are inconsistent");
}

function internals(mini: unknown): Internals {
  const m = mini as Partial<Internals>;
  const maps = [m._documentIds, m._fieldLength];
  if (
    !maps.every((map) => map instanceof Map) ||
    typeof (m._index as { get?: unknown } | undefined)?.get !== "function" ||
    !m._fieldIds ||
    !Array.isArray(m._options?.fields) ||
    m._avgFieldLength === undefined
  ) {
    throw new Error("MiniSearch's internals are not what ranked-postings expects (was MiniSearch upgraded?)");
  }
  return m as Internals;
}

/** The typed arrays of ranked postings, in the order a binary file holds them. */
const ARRAYS = [
  ["fieldLengths", Uint32Array],
  ["fieldStart", Uint32Array],
  ["fieldDocs", Uint32Array],
  ["fieldFreqs", Uint32Array],
  ["termStart", Uint32Array],
  ["docs", Uint32Array],
  ["scores", Float64Array],
  ["impact", Uint32Array],
] as const;

type ArrayName = (typeof ARRAYS)[number][0];

/** Ranked postings without their typed arrays (those go in a binary file), plus what checks the file. */
export type RankedPostingsHeader = Omit<RankedPostingsData, ArrayName> & {
  packing: typeof PACKING;
  /** Byte length of each array, in ARRAYS order; each starts on an 8-byte boundary. */
  lengths: number[];
};

const PACKING = "ranked-postings-2";

/**
 * Splits postings into a JSON header and one binary buffer: the arrays' bytes
 * as they are in memory (little-endian), each on an 8-byte boundary, so that
 * reading them back is a view on the file's bytes, with nothing parsed.
 */
export function postingsToBinary(data: RankedPostingsData): { header: RankedPostingsHeader; bytes: Buffer } {
  const parts: Buffer[] = [];
  const lengths: number[] = [];
  for (const [name] of ARRAYS) {
    const array = data[name];
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    lengths.push(bytes.byteLength);
    parts.push(bytes, Buffer.alloc(padding(bytes.byteLength)));
  }
  const { fieldLengths, fieldStart, fieldDocs, fieldFreqs, termStart, docs, scores, impact, ...rest } = data;
  return { header: { packing: PACKING, ...rest, lengths }, bytes: Buffer.concat(parts) };
}

/** Postings from a header and the binary buffer written with it; throws when they do not fit together. */
export function postingsFromBinary(header: RankedPostingsHeader, bytes: Buffer): RankedPostingsData {
  if (
    header?.packing !== PACKING ||
    !Array.isArray(header.lengths) ||
    header.lengths.length !== ARRAYS.length
  ) {
    throw new Error("not ranked postings of this version");
  }
  const whole = header.lengths.reduce((sum, length) => sum + length + padding(length), 0);
  if (whole !== bytes.byteLength) throw new Error("ranked postings file is truncated or too long");
  // A view needs an aligned start: a buffer that does not start on one is copied once.
  const base = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const arrays: Partial<Record<ArrayName, Uint32Array | Float64Array>> = {};
  let offset = base.byteOffset;
  ARRAYS.forEach(([name, Type], i) => {
    const length = header.lengths[i] as number;
    if (length % Type.BYTES_PER_ELEMENT !== 0) throw new Error("ranked postings are truncated");
    arrays[name] = new Type(base.buffer as ArrayBuffer, offset, length / Type.BYTES_PER_ELEMENT);
    offset += length + padding(length);
  });
  const { packing, lengths, ...rest } = header;
  const data = { ...rest, ...arrays } as RankedPostingsData;
  checkPostings(data);
  return data;
}

function padding(length: number): number {
  return (8 - (length % 8)) % 8;
}

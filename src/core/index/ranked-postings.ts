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
  let idLimit = 0;
  let shortLimit = 0;
  for (const [shortId, id] of m._documentIds) {
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id >= 2 ** 32) {
      throw new Error("rankPostings: document ids must be non-negative integers");
    }
    idLimit = Math.max(idLimit, id + 1);
    shortLimit = Math.max(shortLimit, shortId + 1);
  }
  const shortToId = new Uint32Array(shortLimit);
  for (const [shortId, id] of m._documentIds) shortToId[shortId] = id as number;
  const fieldLengths = new Uint32Array(idLimit * fieldCount);
  for (const [shortId, lengths] of m._fieldLength) {
    const id = shortToId[shortId] as number;
    for (let f = 0; f < fieldCount; f++) fieldLengths[id * fieldCount + f] = lengths[f] ?? 0;
  }
  let postingCount = 0;
  let termCount = 0;
  for (const [, byField] of m._index) {
    termCount++;
    for (const docs of byField.values()) postingCount += docs.size;
  }
  const terms: string[] = [];
  const fieldStart = new Uint32Array(termCount * fieldCount + 1);
  const fieldDocs = new Uint32Array(postingCount);
  const fieldFreqs = new Uint32Array(postingCount);
  const termStart = new Uint32Array(termCount + 1);
  // A term's documents are at most its per-field postings: sized for that, cut at the end.
  const docs = new Uint32Array(postingCount);
  const scores = new Float64Array(postingCount);
  const impact = new Uint32Array(postingCount);
  const sum = new Float64Array(idLimit);
  const stamp = new Int32Array(idLimit).fill(-1);
  let at = 0;
  let out = 0;
  for (const [term, byField] of m._index) {
    const t = terms.length;
    terms.push(term);
    for (let f = 0; f < fieldCount; f++) {
      const from = at;
      for (const [shortId, frequency] of byField.get(f) ?? []) {
        fieldDocs[at] = shortToId[shortId] as number;
        fieldFreqs[at++] = frequency;
      }
      sortPostings(fieldDocs, fieldFreqs, from, at);
      fieldStart[t * fieldCount + f + 1] = at;
    }
    // Field by field in scoring order, as termResults adds them up.
    const first = out;
    fieldOrder.forEach((fieldId, position) => {
      const start = fieldStart[t * fieldCount + fieldId] as number;
      const end = fieldStart[t * fieldCount + fieldId + 1] as number;
      const boost = fieldBoosts[position] as number;
      const average = m._avgFieldLength[fieldId] as number;
      for (let p = start; p < end; p++) {
        const id = fieldDocs[p] as number;
        const length = fieldLengths[id * fieldCount + fieldId] as number;
        const contribution = weighted(
          1,
          boost,
          bm25(fieldFreqs[p] as number, end - start, m._documentCount, length, average),
        );
        if (stamp[id] === t) sum[id] = (sum[id] as number) + contribution;
        else {
          stamp[id] = t;
          sum[id] = contribution;
          docs[out++] = id;
        }
      }
    });
    const ids = docs.subarray(first, out).sort();
    for (let i = 0; i < ids.length; i++) scores[first + i] = sum[ids[i] as number] as number;
    impact.set(impactOrder(scores.subarray(first, out)), first);
    termStart[t + 1] = out;
  }
  return {
    documentCount: m._documentCount,
    fieldOrder,
    fieldBoosts,
    // MiniSearch has no averages until a document is added: an empty index has them all 0.
    averageFieldLength: Array.from({ length: fieldCount }, (_, f) => m._avgFieldLength[f] ?? 0),
    terms,
    idLimit,
    fieldLengths,
    fieldStart,
    fieldDocs,
    fieldFreqs,
    termStart,
    docs: docs.slice(0, out),
    scores: scores.slice(0, out),
    impact: impact.slice(0, out),
  };
}

/** Positions of `scores`, best first, ties by position (ids ascending). */
export function impactOrder(scores: Float64Array): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
}

// MiniSearch keeps postings in insertion order, which is id order when ids are added ascending: then nothing moves.
function sortPostings(ids: Uint32Array, frequencies: Uint32Array, start: number, end: number): void {
  let sorted = true;
  for (let i = start + 1; i < end && sorted; i++) sorted = (ids[i - 1] as number) < (ids[i] as number);
  if (sorted) return;
  const order = Array.from({ length: end - start }, (_, i) => start + i).sort(
    (a, b) => (ids[a] as number) - (ids[b] as number),
  );
  const sortedIds = order.map((i) => ids[i] as number);
  const sortedFrequencies = order.map((i) => frequencies[i] as number);
  ids.set(sortedIds, start);
  frequencies.set(sortedFrequencies, start);
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

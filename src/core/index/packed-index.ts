import MiniSearch, { type Options } from "minisearch";

/**
 * A MiniSearch index packed for a snapshot: its postings as typed arrays
 * (base64) instead of MiniSearch's JSON, where every posting is an object key
 * that `loadJS` parses back into a number, one at a time. Restoring 1.7 million
 * postings this way takes a third of the time, which is most of a large
 * corpus's start.
 *
 * It reads and fills MiniSearch's private maps (`_index`, `_documentIds`,
 * `_idToShortId`, `_fieldLength`), the same ones its own `toJSON`/`loadJS`
 * use, so it is tied to MiniSearch 7 (pinned in package-lock.json). If their
 * shape ever changes, packing or unpacking throws, and a snapshot that cannot
 * be read is rebuilt from the corpus: slower, never wrong.
 */
export interface PackedIndex {
  packing: typeof PACKING;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** Uint32 pairs `[shortId, id]`, in MiniSearch's order. */
  documentIds: string;
  /** Uint32, one length per field for each document, in `documentIds` order. */
  fieldLengths: string;
  /** Every index term, in MiniSearch's order. */
  terms: string[];
  /** Uint32: per term, its number of fields, then per field `[fieldId, postings]`. */
  layout: string;
  /** Uint32 short document ids of every posting, term by term, field by field. */
  postings: string;
  /** Uint32 term frequency of each posting. */
  frequencies: string;
}

const PACKING = "minisearch-7-postings-1";

/** The private parts of MiniSearch this reads and fills. */
interface Internals {
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown } & Iterable<
    [string, Map<number, Map<number, number>>]
  >;
}

/** Packs an index (see PackedIndex). Throws when MiniSearch is not shaped as expected. */
export function packIndex<T>(mini: MiniSearch<T>): PackedIndex {
  const m = internals(mini);
  const fieldCount = Object.keys(m._fieldIds).length;
  const documentIds: number[] = [];
  const fieldLengths: number[] = [];
  for (const [shortId, id] of m._documentIds) {
    if (typeof id !== "number") throw new Error("packIndex: document ids must be numbers");
    documentIds.push(shortId, id);
    const lengths = m._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fieldCount; f++) fieldLengths.push(lengths[f] ?? 0);
  }
  const terms: string[] = [];
  const layout: number[] = [];
  const postings: number[] = [];
  const frequencies: number[] = [];
  for (const [term, fields] of m._index) {
    terms.push(term);
    layout.push(fields.size);
    for (const [fieldId, docs] of fields) {
      layout.push(fieldId, docs.size);
      for (const [shortId, frequency] of docs) {
        postings.push(shortId);
        frequencies.push(frequency);
      }
    }
  }
  return {
    packing: PACKING,
    documentCount: m._documentCount,
    nextId: m._nextId,
    dirtCount: m._dirtCount,
    fieldIds: m._fieldIds,
    averageFieldLength: m._avgFieldLength,
    documentIds: base64(documentIds),
    fieldLengths: base64(fieldLengths),
    terms,
    layout: base64(layout),
    postings: base64(postings),
    frequencies: base64(frequencies),
  };
}

/** Rebuilds the index packed by packIndex, with the options it was built with. */
export function unpackIndex<T>(packed: PackedIndex, options: Options<T>): MiniSearch<T> {
  if (packed?.packing !== PACKING) throw new Error("not a packed index of this version");
  // loadJS (public) sets the counters and empty maps; the maps are then filled in directly.
  const mini = MiniSearch.loadJS<T>(
    {
      documentCount: packed.documentCount,
      nextId: packed.nextId,
      documentIds: {},
      fieldIds: packed.fieldIds,
      fieldLength: {},
      averageFieldLength: packed.averageFieldLength,
      storedFields: {},
      dirtCount: packed.dirtCount,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const m = internals(mini);
  const fieldCount = Object.keys(packed.fieldIds).length;
  const documentIds = uint32s(packed.documentIds);
  const fieldLengths = uint32s(packed.fieldLengths);
  for (let i = 0, d = 0; i + 1 < documentIds.length; i += 2, d++) {
    const shortId = documentIds[i] as number;
    const id = documentIds[i + 1] as number;
    m._documentIds.set(shortId, id);
    m._idToShortId.set(id, shortId);
    m._fieldLength.set(shortId, Array.from(fieldLengths.subarray(d * fieldCount, (d + 1) * fieldCount)));
  }
  const layout = uint32s(packed.layout);
  const postings = uint32s(packed.postings);
  const frequencies = uint32s(packed.frequencies);
  let at = 0;
  let posting = 0;
  for (const term of packed.terms) {
    const fields = new Map<number, Map<number, number>>();
    const fieldsOfTerm = layout[at++] as number;
    for (let f = 0; f < fieldsOfTerm; f++) {
      const fieldId = layout[at++] as number;
      const count = layout[at++] as number;
      const docs = new Map<number, number>();
      for (const end = posting + count; posting < end; posting++) {
        docs.set(postings[posting] as number, frequencies[posting] as number);
      }
      fields.set(fieldId, docs);
    }
    m._index.set(term, fields);
  }
  if (posting !== postings.length || at !== layout.length) throw new Error("packed index is inconsistent");
  return mini;
}

function internals(mini: unknown): Internals {
  const m = mini as Partial<Internals>;
  const maps = [m._documentIds, m._idToShortId, m._fieldLength];
  if (!maps.every((map) => map instanceof Map) || typeof m._index?.set !== "function" || !m._fieldIds) {
    throw new Error("MiniSearch's internals are not what packed-index expects (was MiniSearch upgraded?)");
  }
  return m as Internals;
}

function base64(values: number[]): string {
  return Buffer.from(Uint32Array.from(values).buffer).toString("base64");
}

function uint32s(text: string): Uint32Array {
  const bytes = Buffer.from(text, "base64");
  if (bytes.byteLength % 4 !== 0) throw new Error("packed index is truncated");
  // A copy: the decoded bytes may not start on a 4-byte boundary.
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The corpus sizes the benchmark knows, smallest first. */
export const SIZES = ["seed", "1k", "5k", "19k", "100k"] as const;
/** A corpus size. */
export type SizeName = (typeof SIZES)[number];

/** The project root (the folder holding `bench/`). */
export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The Reuters-21578 JSON Lines file, read from `../shared/data/` beside the
 * project (never copied in); `BENCH_REUTERS` points elsewhere.
 */
export function reutersPath(): string {
  return resolve(
    process.env.BENCH_REUTERS ?? join(PROJECT_ROOT, "..", "shared", "data", "reuters21578.jsonl"),
  );
}

/** A corpus ready to load: a folder or one `.jsonl` file. */
export interface CorpusSpec {
  size: SizeName;
  /** What `loadCorpus` / `loadOrBuildEngine` is given. */
  path: string;
  /** Stories in the file (Reuters sizes); the seed folder's count comes from the build. */
  documents?: number;
  /** True for the 100k corpus: Reuters repeated with new ids. */
  synthetic: boolean;
  description: string;
}

const FIRST_N: Partial<Record<SizeName, number>> = { "1k": 1_000, "5k": 5_000 };
const SYNTHETIC_DOCUMENTS = 100_000;

/**
 * Prepares the corpus of a size: the bundled seed folder; the first N Reuters
 * stories (written to `workDir`); all 19,043 stories (the shared file as is);
 * or 100,000 synthetic stories — Reuters repeated with new ids, for memory and
 * growth only (its vocabulary is Reuters', so it says nothing about relevance).
 * Generated files go to `workDir` (a temp folder), never into the repo.
 */
export async function prepareCorpus(size: SizeName, workDir: string): Promise<CorpusSpec> {
  if (size === "seed") {
    return {
      size,
      path: join(PROJECT_ROOT, "corpus"),
      synthetic: false,
      description: "bundled seed corpus (corpus/)",
    };
  }
  const source = reutersPath();
  if (!existsSync(source)) {
    throw new Error(`The Reuters corpus is not at ${source}: set BENCH_REUTERS to reuters21578.jsonl.`);
  }
  if (size === "19k") {
    const documents = await countLines(source);
    return { size, path: source, documents, synthetic: false, description: "all Reuters-21578 stories" };
  }
  const limit = FIRST_N[size];
  if (limit !== undefined) {
    const path = join(workDir, `reuters-first-${limit}.jsonl`);
    const documents = await writeLines(path, source, (line, i) => (i < limit ? line : undefined), 1);
    return { size, path, documents, synthetic: false, description: `first ${limit} Reuters stories` };
  }
  const path = join(workDir, `reuters-synthetic-${SYNTHETIC_DOCUMENTS}.jsonl`);
  const documents = await writeSynthetic(path, source, SYNTHETIC_DOCUMENTS);
  return {
    size,
    path,
    documents,
    synthetic: true,
    description: `synthetic: Reuters repeated with new ids to ${SYNTHETIC_DOCUMENTS} stories (memory and growth only)`,
  };
}

/** Non-empty lines of a file. */
export async function readLines(path: string): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of reader) if (line.trim() !== "") lines.push(line);
  return lines;
}

async function countLines(path: string): Promise<number> {
  return (await readLines(path)).length;
}

/**
 * Writes `map(line, i)` for each line of `source`, `rounds` times over (`i` counts
 * across rounds), stopping at the first undefined. Returns the lines written.
 */
async function writeLines(
  path: string,
  source: string,
  map: (line: string, i: number, round: number) => string | undefined,
  rounds: number,
): Promise<number> {
  const lines = await readLines(source);
  const out = createWriteStream(path, "utf8");
  let written = 0;
  outer: for (let round = 0; round < rounds; round++) {
    for (const line of lines) {
      const mapped = map(line, written, round);
      if (mapped === undefined) break outer;
      if (!out.write(`${mapped}\n`)) await once(out, "drain");
      written++;
    }
  }
  out.end();
  await once(out, "finish");
  return written;
}

async function writeSynthetic(path: string, source: string, total: number): Promise<number> {
  const rounds = Math.ceil(total / (await countLines(source)));
  return writeLines(
    path,
    source,
    (line, i, round) => {
      if (i >= total) return undefined;
      if (round === 0) return line;
      const record = JSON.parse(line) as { id?: unknown };
      return JSON.stringify({ ...record, id: `${String(record.id)}-r${round}` });
    },
    rounds,
  );
}

import { randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Validators } from "./safe-fetch.js";

/**
 * The ingest's memory, in the corpus folder: a dot-file, so the loader and the watcher
 * ignore it. Losing it loses nothing: articles are still found by their file name
 * (made from the canonical URL), and fetches are simply unconditional once.
 */
export const STATE_FILE = ".ingest-state.json";

const validatorsSchema = z.object({ etag: z.string().optional(), lastModified: z.string().optional() });
const stateSchema = z.object({
  version: z.literal(1),
  /** Each article by canonical URL: its file (relative to the corpus) and its text's hash. */
  articles: z.record(z.string(), z.object({ file: z.string(), hash: z.string() })).default({}),
  /** Each fetched URL's validators, and (a page) the canonical URL it gave. */
  fetched: z
    .record(z.string(), z.object({ validators: validatorsSchema, canonical: z.string().optional() }))
    .default({}),
});

/** The state as stored. */
export type IngestState = z.infer<typeof stateSchema>;

/** Reads the state; a missing or unreadable file is an empty state (nothing is lost by that). */
export async function readIngestState(corpusDir: string): Promise<IngestState> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(join(corpusDir, STATE_FILE), "utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or broken: start afresh.
  }
  return { version: 1, articles: {}, fetched: {} };
}

/** Writes the state atomically (a temporary file renamed over the old one). */
export async function writeIngestState(corpusDir: string, state: IngestState): Promise<void> {
  await writeAtomically(join(corpusDir, STATE_FILE), `${JSON.stringify(state)}\n`);
}

/** Validators stored for a URL, as the fetcher takes them. */
export function storedValidators(state: IngestState, url: string): Validators | undefined {
  const entry = state.fetched[url];
  if (!entry) return undefined;
  const { etag, lastModified } = entry.validators;
  return { ...(etag !== undefined && { etag }), ...(lastModified !== undefined && { lastModified }) };
}

/**
 * Writes `text` to `path` so a reader sees the old file or the new one, never half of
 * one: a hidden temporary file beside it (the loader and the watcher skip dot-files),
 * then a rename.
 */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const slash = path.lastIndexOf("/");
  const temporary = `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temporary, text, { flag: "wx" });
  try {
    await rename(temporary, path);
  } catch (error) {
    await import("node:fs/promises").then((fs) => fs.rm(temporary, { force: true }));
    throw error;
  }
}

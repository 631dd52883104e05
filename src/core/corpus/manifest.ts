import { existsSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { outsideCorpus } from "./inside-corpus.js";
import { describeIssues, type Metadata, metadataSchema } from "./metadata.js";
import { readTextFile } from "./read-file.js";

/** The manifest's file name inside the corpus folder. */
export const MANIFEST_FILE = "corpus.yaml";

/** The feeds to poll (read by the ingest, not the loader): no article, so the loader skips it like the manifest. */
export const FEEDS_FILE = "feeds.yaml";

const entrySchema = metadataSchema.nullable();

/** Metadata for articles whose files cannot carry it, keyed by document id. */
export interface Manifest {
  entries: Map<string, Metadata>;
  /** Problems found in the manifest; the valid entries are still used. */
  problems: string[];
}

/**
 * Reads `corpus.yaml`: `documents: {<id>: {title, published, url, source, authors, tags}}`.
 * A missing manifest is an empty one; a broken one is reported and ignored, and
 * so is one that links outside `root` (the resolved corpus folder) when given.
 */
export async function readManifest(dir: string, root?: string): Promise<Manifest> {
  const path = join(dir, MANIFEST_FILE);
  const manifest: Manifest = { entries: new Map(), problems: [] };
  if (!existsSync(path)) return manifest;
  const outside = root === undefined ? undefined : await outsideCorpus(root, path);
  if (outside) {
    manifest.problems.push(`ignored: ${outside}`);
    return manifest;
  }
  const file = await readTextFile(path, 16 * 1024 * 1024);
  if (!file.ok) {
    manifest.problems.push(file.reason);
    return manifest;
  }
  let raw: unknown;
  try {
    raw = parseYaml(file.text, { maxAliasCount: 50 });
  } catch (error) {
    manifest.problems.push(`not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    return manifest;
  }
  const top = z.object({ documents: z.record(z.string(), z.unknown()).default({}) }).safeParse(raw ?? {});
  if (!top.success) {
    manifest.problems.push(describeIssues(top.error));
    return manifest;
  }
  for (const [id, value] of Object.entries(top.data.documents)) {
    const entry = entrySchema.safeParse(value);
    if (entry.success) manifest.entries.set(id, entry.data ?? {});
    else manifest.problems.push(`${id}: ${describeIssues(entry.error)}`);
  }
  return manifest;
}

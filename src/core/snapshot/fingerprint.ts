import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { corpusRoot, outsideCorpus } from "../corpus/inside-corpus.js";
import { listFiles } from "../corpus/load-corpus.js";
import { MANIFEST_FILE } from "../corpus/manifest.js";
import { INDEX_OPTIONS } from "../index/search-index.js";

// Bump when what a snapshot holds, or how the analyzers read text, changes.
// 9: events carry dates inferred from context (issue 12), after 8 (ranked postings).
// 10: the sentences that refer to each entity through a pronoun or a description.
// 11: sentences, names and quote speakers read anew (issue 11's second round).
// 12: the entity name finder, ready to use (issue 14).
// 13: each sentence's anaphoric subject for /timeline's chains, decided while building (issue 14).
// 14: the answer tables: /who's described passages, /quote's same-quotation groups (issue 14, 100k).
export const SNAPSHOT_FORMAT = 14;

/**
 * A key for a corpus and the options that index it: a hash of every file's
 * path and bytes, the manifest, the snapshot format and the index options.
 * Any edit, addition or removal of a file gives a new key.
 */
export async function corpusFingerprint(path: string): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`format ${SNAPSHOT_FORMAT}\n`);
  hash.update(`fields ${INDEX_OPTIONS.fields.join(",")}\n`);
  const isFile = (await stat(path)).isFile();
  const files = isFile ? [path] : [...(await listFiles(path)), join(path, MANIFEST_FILE)];
  const root = isFile ? undefined : await corpusRoot(path);
  for (const file of files) {
    // Only regular files inside the corpus are read (a FIFO or device would block or never
    // end; a link outside is not the corpus's), as loadCorpus does.
    const inside = root === undefined || (await outsideCorpus(root, file)) === undefined;
    const regular =
      inside &&
      (await stat(file).then(
        (info) => info.isFile(),
        () => false,
      ));
    const bytes = regular ? await readFile(file).catch(() => undefined) : undefined;
    hash.update(
      `${isFile ? file : relative(path, file)}\u0000${bytes ? createHash("sha256").update(bytes).digest("hex") : "-"}\n`,
    );
  }
  return hash.digest("hex").slice(0, 32);
}

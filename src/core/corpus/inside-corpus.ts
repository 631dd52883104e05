import { realpath } from "node:fs/promises";
import { relative, sep } from "node:path";

/**
 * Why a file of the corpus is not read because it leads out of the corpus
 * folder, or undefined when it stays inside. Links are resolved (realpath) and
 * followed only when their target is inside `root` (itself resolved): a link to
 * `/etc/passwd` or to `/dev/zero` is refused, a link from one corpus subfolder
 * to another is read. The check names the file as it is now; a file swapped
 * for a link between this check and the read is the writer's own folder, which
 * it could fill with any text anyway.
 */
export async function outsideCorpus(root: string, path: string): Promise<string | undefined> {
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
  return isInside(root, target) ? undefined : "a link to a file outside the corpus folder";
}

/** Whether `path` is `root` or below it (both already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep));
}

/** The corpus folder with every link in its path resolved. */
export function corpusRoot(dir: string): Promise<string> {
  return realpath(dir);
}

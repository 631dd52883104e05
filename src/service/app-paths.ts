import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

let cachedRoot: string | undefined;

/**
 * The folder holding the app's package.json, found by walking up from this
 * file, so paths resolve the same from `src/` (tsx, tests) and `dist/src/` (built).
 */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

/** Resolves a configured path: absolute as given, relative from the package root (not the cwd). */
export function fromPackageRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(packageRoot(), path);
}

/** The playground's static files. */
export function publicDir(): string {
  return join(packageRoot(), "public");
}

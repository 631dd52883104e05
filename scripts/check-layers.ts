// `npm run lint` (and a test): the layers of src/ and the top-level commands/ import only downward, and no two
// folders import each other.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The layers, lowest first. A file may import its own top folder and any folder of
 * a lower rank; two folders of the same rank (adapters, server) may not import each
 * other. Files directly in src/ (config, logger) are shared by all and import no layer.
 */
export const LAYERS: Readonly<Record<string, number>> = Object.freeze({
  core: 0,
  // The database sits just above the core: any layer above may keep state through it.
  store: 0.5,
  commands: 1,
  ingest: 1,
  present: 2,
  service: 3,
  adapters: 4,
  server: 4,
  cli: 5,
  entry: 5,
});

/** One import that breaks the layering, or one cycle between folders. */
export interface LayerProblem {
  file: string;
  message: string;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/gu;
const TYPE_IMPORT = /\b(?:import|export)\s+type\s[^;]*?from\s*["'](\.{1,2}\/[^"']+)["']/gu;

/**
 * Every problem in the `src` folder and the top-level `commands` folder under `root`: upward imports, then folder
 * cycles. The command table lives at the top level (the design card's layout) but is the `commands` layer, so its
 * files are named `commands/…` as if they sat in src/.
 */
export function layerProblems(root: string): LayerProblem[] {
  const edges = importEdges(join(root, "src"), join(root, "commands"));
  return [...upwardImports(edges), ...folderCycles(edges)];
}

interface Edge {
  from: string;
  to: string;
  /** `import type`: erased at run time, so it counts for layers but cannot make a cycle. */
  typeOnly: boolean;
}

function importEdges(src: string, commands: string): Edge[] {
  const layerPath = (file: string): string | undefined => {
    if (file.startsWith(src + sep)) return relative(src, file);
    if (file.startsWith(commands + sep)) return join("commands", relative(commands, file));
    return undefined;
  };
  const edges: Edge[] = [];
  for (const file of [...sourceFiles(src), ...sourceFiles(commands)]) {
    const from = layerPath(file) as string;
    const text = readFileSync(file, "utf8");
    const typeOnly = new Set([...text.matchAll(TYPE_IMPORT)].map((m) => m[1]));
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] as string;
      const to = layerPath(resolve(dirname(file), specifier));
      if (to === undefined) continue;
      edges.push({ from, to, typeOnly: typeOnly.has(specifier) });
    }
  }
  return edges;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function topFolder(path: string): string | undefined {
  const parts = path.split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

function contains(outer: string, inner: string): boolean {
  return outer === "." || inner.startsWith(outer + sep);
}

function upwardImports(edges: readonly Edge[]): LayerProblem[] {
  const problems: LayerProblem[] = [];
  for (const { from, to } of edges) {
    const source = topFolder(from);
    const target = topFolder(to);
    if (target === undefined || source === target) continue;
    if (source === undefined) {
      problems.push({ file: from, message: `a shared file imports the ${target} layer (${to})` });
      continue;
    }
    const sourceRank = LAYERS[source];
    const targetRank = LAYERS[target];
    if (sourceRank === undefined || targetRank === undefined) {
      problems.push({ file: from, message: `${source} or ${target} is not a known layer (see LAYERS)` });
    } else if (targetRank >= sourceRank) {
      problems.push({
        file: from,
        message: `${source} (rank ${sourceRank}) imports ${target} (rank ${targetRank}): ${to}`,
      });
    }
  }
  return problems;
}

/**
 * Cycles between folders that do not contain one another, e.g. adapters/discord ↔
 * adapters/slack. A folder and its own sub-folders are one part and may use each other.
 */
function folderCycles(edges: readonly Edge[]): LayerProblem[] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to, typeOnly } of edges) {
    if (typeOnly) continue;
    const a = dirname(from);
    const b = dirname(to);
    if (a === b || contains(a, b) || contains(b, a)) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)?.add(b);
  }
  const problems: LayerProblem[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (folder: string) => {
    state.set(folder, "open");
    stack.push(folder);
    for (const next of graph.get(folder) ?? []) {
      if (state.get(next) === "open") {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        problems.push({ file: folder, message: `folders import each other: ${cycle.join(" → ")}` });
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(folder, "done");
  };
  for (const folder of [...graph.keys()].sort()) if (!state.has(folder)) visit(folder);
  return problems;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = layerProblems(resolve(dirname(fileURLToPath(import.meta.url)), ".."));
  for (const problem of problems) process.stderr.write(`${problem.file}: ${problem.message}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} layering problem(s); the layers are in docs/ARCHITECTURE.md.\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write("Layers: every import of src/ and commands/ points down, no folder cycles.\n");
  }
}

import { parse as parseYaml } from "yaml";
import { formatBytes } from "./read-file.js";

/** Front matter larger than this is refused unread: real front matter is well under 2 KB. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** Nesting deeper than this is refused unread: real front matter nests two levels at most. */
export const MAX_FRONT_MATTER_DEPTH = 32;

/**
 * Parses YAML front matter into a value, after checking its size and nesting
 * (a parser's cost grows with both: 2.5 M nested `[` took 33 s and 2.8 GB).
 * Integers are read exactly (a title of 20 digits keeps every digit).
 * Throws an Error with a readable message when it is refused or broken.
 */
export function parseFrontMatter(text: string): unknown {
  if (text.length > MAX_FRONT_MATTER_CHARS) {
    throw new Error(
      `front matter too large (${formatBytes(text.length)}; the limit is ${formatBytes(MAX_FRONT_MATTER_CHARS)})`,
    );
  }
  if (nestingDepth(text) > MAX_FRONT_MATTER_DEPTH) {
    throw new Error(`front matter nested too deep (more than ${MAX_FRONT_MATTER_DEPTH} levels)`);
  }
  try {
    return parseYaml(text, { maxAliasCount: 50, intAsBigInt: true }) ?? {};
  } catch (error) {
    throw new Error(`broken front matter: ${(error as Error).message.split("\n")[0]}`);
  }
}

/**
 * An upper bound of a YAML text's nesting: the deepest flow brackets (`[`, `{`
 * outside quoted scalars) plus the deepest block indentation (each deeper indent, and
 * each `- ` or `? ` that opens a nested node on the same line, is a level).
 */
export function nestingDepth(text: string): number {
  let flow = 0;
  let maxFlow = 0;
  let maxBlock = 0;
  const indents: number[] = [];
  for (const line of text.split("\n")) {
    const content = line.trimStart();
    if (flow === 0 && content !== "" && !content.startsWith("#")) {
      const indent = line.length - content.length;
      while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop();
      indents.push(indent);
      const markers = /^(?:[-?][ \t]+)*/u.exec(content)?.[0] ?? "";
      maxBlock = Math.max(maxBlock, indents.length + (markers.match(/[-?]/gu)?.length ?? 0));
    }
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === "\\" && quote === '"') i++;
        else if (c === quote) quote = undefined;
      } else if ((c === '"' || c === "'") && opensScalar(line[i - 1])) quote = c;
      else if (c === "#" && (i === 0 || line[i - 1] === " ")) break;
      else if (c === "[" || c === "{") maxFlow = Math.max(maxFlow, ++flow);
      else if ((c === "]" || c === "}") && flow > 0) flow--;
    }
  }
  return maxFlow + maxBlock;
}

// A quote opens a quoted scalar only where a scalar may start; the one in "it's" does not.
function opensScalar(before: string | undefined): boolean {
  return before === undefined || /[\s[{,:]/u.test(before);
}

import type { CueEntry } from "./cue-lexicon.js";

/** A lexicon entry with its context conditions compiled to sticky regular expressions. */
export interface CompiledEntry {
  readonly entry: CueEntry;
  /** Position in the lexicon. */
  readonly index: number;
  readonly precededBy: RegExp | null;
  readonly notPrecededBy: RegExp | null;
  readonly followedBy: RegExp | null;
  readonly notFollowedBy: RegExp | null;
}

/** The lexicon ready for matching. */
export interface CompiledLexicon {
  /**
   * Every phrase of every entry, as one global, case-insensitive expression shaped as
   * a prefix tree (so the engine dispatches on the first letters instead of trying
   * each phrase in turn), preferring the longest phrase at each position.
   */
  readonly pattern: RegExp;
  /** The entries owning a phrase (lower-case, single spaces), in lexicon order. */
  readonly byPhrase: ReadonlyMap<string, readonly CompiledEntry[]>;
}

/**
 * Expands shell-like braces: "prompt{s,ed}" → ["prompts", "prompted"];
 * "|" separates whole alternatives; braces nest; an empty choice is allowed.
 */
export function expandBraces(phrases: string): string[] {
  return splitTopLevel(phrases, "|").flatMap(expandOne);
}

function expandOne(phrase: string): string[] {
  const open = phrase.indexOf("{");
  if (open === -1) return [phrase];
  let depth = 0;
  for (let i = open; i < phrase.length; i++) {
    if (phrase[i] === "{") depth++;
    else if (phrase[i] === "}" && --depth === 0) {
      const head = phrase.slice(0, open);
      const tails = expandOne(phrase.slice(i + 1));
      return splitTopLevel(phrase.slice(open + 1, i), ",").flatMap((choice) =>
        expandOne(choice).flatMap((middle) => tails.map((tail) => head + middle + tail)),
      );
    }
  }
  throw new Error(`Unbalanced braces in cue phrase "${phrase}"`);
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "{") depth++;
    else if (char === "}") depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** Turns the lexicon's space conventions into regular-expression source. */
export function spacesToPattern(source: string): string {
  return source.replaceAll(" ?", "\\s*").replaceAll(" ", "\\s+");
}

interface TrieNode {
  terminal: boolean;
  children: Map<string, TrieNode>;
}

function trieToPattern(node: TrieNode): string {
  const branches = [...node.children.keys()]
    .sort()
    .map((char) => charPattern(char) + trieToPattern(node.children.get(char) as TrieNode));
  if (branches.length === 0) return "";
  const group = branches.length === 1 && !node.terminal ? (branches[0] ?? "") : `(?:${branches.join("|")})`;
  // Greedy "?": the longer phrase is tried first, the shorter one is the fallback.
  return node.terminal ? `${group}?` : group;
}

function charPattern(char: string): string {
  if (char === " ") return "\\s+";
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

function sticky(source: string | undefined, lookbehind: boolean): RegExp | null {
  if (source === undefined) return null;
  const pattern = spacesToPattern(source);
  return new RegExp(lookbehind ? `(?<=${pattern})` : pattern, "iy");
}

/** Compiles the lexicon: the phrase expression and the owners of each phrase. */
export function compileLexicon(entries: readonly CueEntry[]): CompiledLexicon {
  const root: TrieNode = { terminal: false, children: new Map() };
  const byPhrase = new Map<string, CompiledEntry[]>();
  entries.forEach((entry, index) => {
    const compiled: CompiledEntry = {
      entry,
      index,
      precededBy: sticky(entry.precededBy, true),
      notPrecededBy: sticky(entry.notPrecededBy, true),
      followedBy: sticky(entry.followedBy, false),
      notFollowedBy: sticky(entry.notFollowedBy, false),
    };
    for (const phrase of expandBraces(entry.phrases)) {
      const owners = byPhrase.get(phrase);
      if (owners === undefined) byPhrase.set(phrase, [compiled]);
      else if (!owners.includes(compiled)) owners.push(compiled);
      let node = root;
      for (const char of phrase) {
        let child = node.children.get(char);
        if (child === undefined) {
          child = { terminal: false, children: new Map() };
          node.children.set(char, child);
        }
        node = child;
      }
      node.terminal = true;
    }
  });
  return { pattern: new RegExp(`\\b${trieToPattern(root)}\\b`, "gi"), byPhrase };
}

/**
 * Checks the entry's context conditions around the phrase at `[start, end)` of `text`.
 * Returns where the cue ends (past the phrase's follower for `includeFollower` entries),
 * or -1 when the context rules the phrase out.
 */
export function cueEndInContext(compiled: CompiledEntry, text: string, start: number, end: number): number {
  if (compiled.precededBy !== null && !testAt(compiled.precededBy, text, start)) return -1;
  if (compiled.notPrecededBy !== null && testAt(compiled.notPrecededBy, text, start)) return -1;
  if (compiled.notFollowedBy !== null && testAt(compiled.notFollowedBy, text, end)) return -1;
  if (compiled.followedBy === null) return end;
  if (!testAt(compiled.followedBy, text, end)) return -1;
  return compiled.entry.includeFollower === true ? compiled.followedBy.lastIndex : end;
}

function testAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

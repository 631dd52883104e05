import type { CommandArgs, OptionValue } from "../../core/invocation.js";

/**
 * The request written out in Discord's own slash syntax, with text values
 * JSON-quoted so the line reads back unambiguously:
 * `/quote speaker:"petro" about:"visa"`. It leads the footer of every answer;
 * buttons whose custom_id cannot hold a long query read the query back from it.
 */
export function formatAskedLine(command: string, args: CommandArgs): string {
  const parts = [`/${command}`];
  for (const [name, value] of Object.entries(args)) {
    parts.push(`${name}:${typeof value === "string" ? JSON.stringify(value) : String(value)}`);
  }
  return parts.join(" ");
}

const LINE = /^\/([a-z0-9_-]{1,32})((?: [a-z0-9_-]{1,32}:(?:"(?:[^"\\]|\\.)*"|[^\s"]+))*)(?: · |$)/u;
const PART = / ([a-z0-9_-]{1,32}):("(?:[^"\\]|\\.)*"|[^\s"]+)/gu;

/** The command and arguments at the start of `text`, or undefined when it holds no whole asked line. */
export function parseAskedLine(text: string): { command: string; args: CommandArgs } | undefined {
  const match = LINE.exec(text);
  if (!match?.[1]) return undefined;
  const args: Record<string, OptionValue> = {};
  for (const part of (match[2] ?? "").matchAll(PART)) {
    const [, name, raw] = part;
    if (name === undefined || raw === undefined) return undefined;
    const value = readValue(raw);
    if (value === undefined) return undefined;
    args[name] = value;
  }
  return { command: match[1], args };
}

function readValue(raw: string): OptionValue | undefined {
  if (!raw.startsWith('"')) {
    if (raw === "true" || raw === "false") return raw === "true";
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
  }
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

import { readFile, stat } from "node:fs/promises";

/** The result of reading one file: its text, or why it was refused. */
export type FileText = { ok: true; text: string } | { ok: false; reason: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a file as UTF-8 text, refusing what cannot be an article: too large,
 * empty, binary (NUL bytes) or invalid UTF-8. A leading BOM is dropped.
 */
export async function readTextFile(path: string, maxBytes: number): Promise<FileText> {
  const info = await stat(path);
  if (!info.isFile()) return { ok: false, reason: "not a regular file" };
  if (info.size > maxBytes) {
    return {
      ok: false,
      reason: `too large (${formatBytes(info.size)}; the limit is ${formatBytes(maxBytes)})`,
    };
  }
  const bytes = await readFile(path);
  if (bytes.length === 0) return { ok: false, reason: "empty file" };
  if (bytes.includes(0)) return { ok: false, reason: "binary file (contains NUL bytes)" };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: "not valid UTF-8 text" };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return { ok: false, reason: "no text (only white space)" };
  return { ok: true, text };
}

/** Formats a byte count for people: 1.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

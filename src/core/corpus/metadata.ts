import { z } from "zod";
import type { DocumentMeta } from "../model.js";

/** An ISO partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a full timestamp is cut to its day). */
const partialDate = z.union([z.string(), z.number(), z.bigint(), z.date()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString() : String(value).trim();
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/u.exec(text);
  if (!match || !isValidPartialDate(match[1], match[2], match[3])) {
    ctx.addIssue({ code: "custom", message: `"${text}" is not a date like 2025-01-27 or 2025-01` });
    return z.NEVER;
  }
  return match[0];
});

function isValidPartialDate(year?: string, month?: string, day?: string): boolean {
  if (month === undefined) return year !== undefined;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  return d >= 1 && d <= new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
}

// YAML reads `title: 12345` as a number: a number where text is expected is its digits.
const text = z.union([z.string(), z.number(), z.bigint()]).transform(String).pipe(z.string().trim().min(1));
const stringList = z.union([text.transform((s) => [s]), z.array(text)]);

/** Metadata an article may carry (front matter, a manifest entry, a record's fields). */
export const metadataSchema = z.object({
  title: text.optional(),
  published: partialDate.optional(),
  url: z.url().optional(),
  source: text.optional(),
  authors: stringList.optional(),
  tags: stringList.optional(),
});

/** Metadata as parsed by metadataSchema. */
export type Metadata = z.infer<typeof metadataSchema>;

/** A `.json` / `.jsonl` record: `{id, title, published, text, url?, source?}` (other fields are ignored). */
export const recordSchema = metadataSchema.extend({
  id: text,
  text: text,
});

/** Formats a zod error as one line naming the fields at fault. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "value"}: ${issue.message}`).join("; ");
}

/** Copies the defined metadata fields onto a document, later sources winning. */
export function applyMetadata(target: DocumentMeta, ...sources: (Metadata | undefined)[]): DocumentMeta {
  for (const source of sources) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) Object.assign(target, { [key]: value });
    }
  }
  return target;
}

import type { CommandArgs } from "./invocation.js";

/**
 * The platform-neutral answer every command returns. Its JSON form is a public
 * contract: the CLI's `--json`, the playground's `/api/ask` and every adapter read it.
 */

/** Where an excerpt comes from: enough to find and check it in the source article. */
export interface Citation {
  /** The document id (file name without extension, or the record's id). */
  docId: string;
  /** The article's title. */
  title: string;
  /** 1-based number of the body paragraph the excerpt comes from. */
  paragraph: number;
  /** The section heading the paragraph sits under, when the article has one. */
  heading?: string;
  /** Publication date as an ISO partial date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  published?: string;
  /** Link to the article, when known. */
  url?: string;
  /** The publisher or source named by the article's metadata. */
  source?: string;
}

/** A character range `[start, end)` inside an item's `text`. */
export interface Mark {
  start: number;
  end: number;
}

/**
 * What an item leads with when shown: its event date (timeline) or its speaker
 * (quotes). The command decides; renderers only show it.
 */
export type LeadKind = "date" | "speaker";

/** One cited excerpt of an answer. */
export interface Item {
  /** Verbatim excerpt from the article (a sentence or a few). */
  text: string;
  /** The words inside the quotation marks, verbatim (quotes only). */
  quote?: string;
  /** Canonical name of the speaker (quotes) or of the entity (who). */
  speaker?: string;
  /** ISO partial date of the event (timeline), or of the article. */
  date?: string;
  /** The date expression as written; absent when the date is only the publication date. */
  dateText?: string;
  /**
   * Present (true) when the sentence states no date and `date` was inferred from its
   * context: the last dated sentence of its paragraph, or the publication date for a
   * recently reported event. `dateText` is then absent and `date` only as precise as
   * that context honestly gives (often a month or a year).
   */
  dateInferred?: true;
  /** Ranges of `text` that matched the query (search), for highlighting. */
  marks?: Mark[];
  /** Every place the excerpt is cited from; the first is `citation`. */
  alsoIn?: Citation[];
  /** The primary citation. */
  citation: Citation;
  /**
   * The citation of the passage this item explains (`/why`): the item states the cause
   * of what that passage reports, e.g. "His decision came in response to…" after
   * "Petro turned back two deportation flights".
   */
  explains?: Citation;
  /** What the item leads with when shown (see LeadKind); none when absent. */
  lead?: LeadKind;
}

/** What a command answers. `notice` explains an empty or partial answer. */
export interface Answer {
  /** The command's name, without the slash. */
  command: string;
  /** The query as the user gave it (normalised whitespace). */
  query: string;
  /** A short title echoing the question. */
  title: string;
  /** The cited excerpts, best first (timeline: in date order). */
  items: Item[];
  /** Why the answer is empty or limited, and what to try instead. */
  notice?: string;
  /**
   * The options as the command table checked them (known options only, text trimmed
   * and clipped): asking again with them gives the same answer. Set by `ask`.
   */
  args?: CommandArgs;
  /**
   * The signed id of this answer's stored question, set by the service when insights are on:
   * what the Helpful / Not helpful buttons carry.
   */
  answerId?: string;
}

/** Formats a citation compactly: `Title, ¶3, 2025-01-27`. */
export function formatCitation(citation: Citation): string {
  const parts = [citation.title, `¶${citation.paragraph}`];
  if (citation.published) parts.push(citation.published);
  return parts.join(", ");
}

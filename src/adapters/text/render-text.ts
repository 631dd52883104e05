import type { Answer, Item } from "../../core/answer.js";
import { citationLine, itemLead } from "../../core/layout.js";

/** Styling hooks: identity for plain output, ANSI codes on a terminal. */
export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  mark(text: string): string;
}

/** No styling. */
export const PLAIN: TextStyle = { bold: (t) => t, dim: (t) => t, mark: (t) => `[${t}]` };

/** ANSI styling for terminals. */
export const ANSI: TextStyle = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  mark: (t) => `\u001b[7m${t}\u001b[27m`,
};

/** Renders an answer for a terminal: title, notice, then numbered cited excerpts. */
export function renderText(answer: Answer, style: TextStyle = PLAIN): string {
  const out = [style.bold(answer.title)];
  if (answer.notice) out.push(answer.notice);
  answer.items.forEach((item, i) => {
    const lead = itemLead(answer, item);
    const head = lead ? `${style.bold(lead)}${item.dateText ? ` (${item.dateText})` : ""}: ` : "";
    out.push("", `${i + 1}. ${head}${markText(item, style)}`);
    for (const citation of [item.citation, ...(item.alsoIn ?? [])]) {
      out.push(style.dim(`   — ${citationLine(citation)}${citation.url ? ` <${citation.url}>` : ""}`));
    }
  });
  return out.join("\n");
}

/** Removes control characters (terminal escapes) from text taken from a corpus. */
function safe(text: string): string {
  return text.replace(/[^\P{Cc}\n]/gu, "");
}

function markText(item: Item, style: TextStyle): string {
  if (!item.marks?.length) return safe(item.text);
  let out = "";
  let at = 0;
  for (const mark of item.marks) {
    out += safe(item.text.slice(at, mark.start)) + style.mark(safe(item.text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  return out + safe(item.text.slice(at));
}

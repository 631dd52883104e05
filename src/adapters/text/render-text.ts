import type { Answer } from "../../core/answer.js";
import { presentItems } from "../../present/answer-view.js";
import type { ItemView } from "../../present/item-view.js";
import { citationDetails } from "../../present/item-view.js";

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

/** Renders an answer for a terminal: title, notice, then every item, numbered and cited. */
export function renderText(answer: Answer, style: TextStyle = PLAIN): string {
  const out = [style.bold(answer.title)];
  if (answer.notice) out.push(answer.notice);
  for (const item of presentItems(answer)) {
    const lead = item.lead;
    const head = lead ? `${style.bold(lead.text)}${lead.dateText ? ` (${lead.dateText})` : ""}: ` : "";
    out.push("", `${item.number}. ${head}${markText(item, style)}`);
    for (const citation of [item.citation, ...item.alsoIn]) {
      const line = [citation.title, ...citationDetails(citation)].join(" · ");
      out.push(style.dim(`   — ${safe(line)}${citation.url ? ` <${safe(citation.url)}>` : ""}`));
    }
  }
  return out.join("\n");
}

/** Removes control characters (terminal escapes) from text taken from a corpus. */
function safe(text: string): string {
  return text.replace(/[^\P{Cc}\n]/gu, "");
}

function markText(item: ItemView, style: TextStyle): string {
  let out = "";
  let at = 0;
  for (const mark of item.marks) {
    out += safe(item.text.slice(at, mark.start)) + style.mark(safe(item.text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  return out + safe(item.text.slice(at));
}

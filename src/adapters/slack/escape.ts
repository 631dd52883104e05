import { truncate } from "../../core/layout.js";

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Escapes Slack's three control characters (`&`, `<`, `>`) so that text taken from
 * a user or the corpus shows as written and can never become a mention
 * (`<!channel>`, `<!here>`, `<@U123>`) or a link.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/[&<>]/gu, (c) => ENTITIES[c] ?? c);
}

/**
 * Escapes `text` and keeps the result within `max` UTF-16 units, cutting the
 * unescaped text (at a word boundary, with an ellipsis) so that no entity is split.
 */
export function escapeWithin(text: string, max: number): string {
  return escapeSlackText(truncateForEscaping(text, max));
}

/**
 * Cuts `text` (as `truncate` does) so that, once escaped, it fits in `max` UTF-16 units.
 * The result is a prefix of `text`, possibly followed by an ellipsis.
 */
export function truncateForEscaping(text: string, max: number): string {
  if (max <= 0) return "";
  let budget = max;
  for (;;) {
    const cut = truncate(text, budget);
    const escaped = escapeSlackText(cut).length;
    if (escaped <= max) return cut;
    // Shrink in proportion to how much escaping grew the text, so "&&&…" (five
    // times longer escaped) still keeps a fifth of the budget instead of nothing.
    budget = Math.min(budget - 1, Math.floor((budget * max) / escaped));
  }
}

/**
 * Turns text as Slack sends it (slash command text, message text) into what the
 * user typed: `<@U1|ana>` → `@ana`, `<#C1|news>` → `#news`, `<https://x|x>` → `x`,
 * bare mentions dropped, and `&amp;`, `&lt;`, `&gt;` decoded.
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<([^<>|]*)(?:\|([^<>]*))?>/gu, (_all, target: string, label: string | undefined) => {
      if (label !== undefined && label !== "") {
        if (target.startsWith("@")) return `@${label.replace(/^@/u, "")}`;
        if (target.startsWith("#")) return `#${label.replace(/^#/u, "")}`;
        return label;
      }
      return /^[@#!]/u.test(target) ? "" : target;
    })
    .replace(/&(amp|lt|gt);/gu, (_all, name: string) => (name === "amp" ? "&" : name === "lt" ? "<" : ">"));
}

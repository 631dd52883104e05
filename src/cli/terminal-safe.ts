import type { Answer } from "../core/answer.js";

// C0 and C1 control characters (ESC, CSI, BEL, OSC…) and DEL, but not the line break.
const CONTROLS = /[^\P{Cc}\n]/gu;

/** Text without control characters, so a corpus cannot drive the terminal (`ESC]0;…BEL`, `ESC[2J`). */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, "");
}

/**
 * An answer fit for a terminal: control characters removed from every text
 * field (title, notice, speaker, date text, citations' title, source, url,
 * heading). An item's `text` is left as is: its marks point into it, and the
 * text renderer cleans it piece by piece around them.
 */
export function terminalSafeAnswer(answer: Answer): Answer {
  return {
    ...cleanStrings(answer),
    items: answer.items.map((item) => ({ ...cleanStrings(item), text: item.text })),
  };
}

function cleanStrings<T>(value: T): T {
  if (typeof value === "string") return stripControls(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)])) as T;
  }
  return value;
}

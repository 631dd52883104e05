import type { Visibility } from "../core/invocation.js";

/**
 * What a button under an answer asks for. Renderers encode it (a Discord
 * custom_id, a Slack button value) and label it in the platform's words; a
 * platform without disabled buttons leaves disabled ones out. Feedback votes
 * join this union as their own kind.
 */
export type ButtonIntent =
  | {
      kind: "page";
      direction: "previous" | "next";
      /** 0-based page it shows. */
      page: number;
      /** False on the first page (previous) and the last (next). */
      enabled: boolean;
    }
  | {
      /** Post a private answer to the channel, at the page shown. */
      kind: "share";
      page: number;
    };

/** Previous / Next when there is more than one page; Share on a private answer. */
export function buttonIntents(page: number, pages: number, visibility: Visibility): ButtonIntent[] {
  const intents: ButtonIntent[] = [];
  if (pages > 1) {
    intents.push(
      { kind: "page", direction: "previous", page: Math.max(0, page - 1), enabled: page > 0 },
      { kind: "page", direction: "next", page: Math.min(pages - 1, page + 1), enabled: page < pages - 1 },
    );
  }
  if (visibility === "private") intents.push({ kind: "share", page });
  return intents;
}

import type { Visibility } from "../../core/invocation.js";
import type { Logger } from "../../logger.js";
import type { Asker } from "../../service/asker.js";
import type { Insights } from "../../service/insights/insights.js";

/** What the listeners share. */
export interface ListenerDeps {
  asker: Asker;
  logger: Logger;
  /** Visibility of slash-command answers when the text names none. */
  defaultVisibility: Visibility;
  /** How long a slash command's answer may take to be sent as the ack itself; later ones go to the response_url. */
  slashAnswerBudgetMs: number;
  /** Records Helpful / Not helpful clicks (insights on). */
  insights?: Insights;
}

// Citations link to articles; unfurling them would bury the answer under previews.
/** Options added to every message the app sends. */
export const MESSAGE_OPTIONS = { unfurl_links: false, unfurl_media: false } as const;

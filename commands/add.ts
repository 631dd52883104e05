import { channelOnly } from "./channel-only.js";
import type { Command } from "./types.js";

/** `/add <url>` (`/backstory add <url>` on Slack): ingests one article now. */
export const add: Command = {
  name: "add",
  description: "Add one article to the archive now, from its URL",
  examples: ["/backstory add https://example.com/2025/05/01/story.html"],
  options: [
    { name: "url", description: "The article's address (http or https)", type: "string", required: true },
  ],
  run: (args) => channelOnly("add", args),
};

import { channelOnly } from "./channel-only.js";
import type { Command } from "./types.js";

/** `/follow <topic>`: the channel gets a digest when new articles bring quotes, events or passages on it. */
export const follow: Command = {
  name: "follow",
  description: "Post a digest here when new articles mention this topic",
  examples: ["/follow petro", "/follow deportation flights"],
  options: [
    {
      name: "topic",
      description: "A person, place or subject to follow",
      type: "string",
      required: true,
      autocomplete: "topics",
    },
  ],
  run: (args) => channelOnly("follow", args),
};

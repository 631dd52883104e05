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

/** `/unfollow <topic>`: stops the channel's digests on it. */
export const unfollow: Command = {
  name: "unfollow",
  description: "Stop this channel's digests on a topic",
  examples: ["/unfollow petro"],
  options: [{ name: "topic", description: "A topic this channel follows", type: "string", required: true }],
  run: (args) => channelOnly("unfollow", args),
};

/** `/following`: the topics the channel follows. */
export const following: Command = {
  name: "following",
  description: "The topics this channel follows",
  examples: ["/following"],
  options: [],
  run: (args) => channelOnly("following", args),
};

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

/** The names of the channel commands, which the service answers itself in a channel. */
export const CHANNEL_COMMANDS: ReadonlySet<string> = new Set(["follow", "unfollow", "following", "add"]);

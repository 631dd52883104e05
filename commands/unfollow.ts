import { channelOnly } from "./channel-only.js";
import type { Command } from "./types.js";

/** `/unfollow <topic>`: stops the channel's digests on it. */
export const unfollow: Command = {
  name: "unfollow",
  description: "Stop this channel's digests on a topic",
  examples: ["/unfollow petro"],
  options: [{ name: "topic", description: "A topic this channel follows", type: "string", required: true }],
  run: (args) => channelOnly("unfollow", args),
};

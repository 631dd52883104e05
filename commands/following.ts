import { channelOnly } from "./channel-only.js";
import type { Command } from "./types.js";

/** `/following`: the topics the channel follows. */
export const following: Command = {
  name: "following",
  description: "The topics this channel follows",
  examples: ["/following"],
  options: [],
  run: (args) => channelOnly("following", args),
};

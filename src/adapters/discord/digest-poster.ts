import { REST, Routes } from "discord.js";
import type { Answer } from "../../core/answer.js";
import { presentAnswer } from "../../present/answer-view.js";
import type { DigestPoster } from "../../service/follows/follow-digests.js";
import type { Follow } from "../../store/follows.js";
import { renderDiscordView } from "./render-answer.js";

/** Options of the Discord digest poster. */
export interface DiscordDigestOptions {
  token: string;
  /** REST base URL (a proxy; tests: the fake). */
  apiUrl?: string;
}

/**
 * Posts a follow digest as a channel message through discord.js's REST client: one embed
 * within every limit, no buttons (a digest is not paged), pinging no one.
 */
export function discordDigestPoster(options: DiscordDigestOptions): DigestPoster {
  const rest = new REST(options.apiUrl === undefined ? {} : { api: options.apiUrl }).setToken(options.token);
  return {
    platform: "discord",
    post: async (follow: Follow, digest: Answer) => {
      const {
        components: _none,
        flags: _public,
        ...message
      } = renderDiscordView(presentAnswer(digest, { visibility: "public" }));
      await rest.post(Routes.channelMessages(follow.channel), { body: message });
    },
  };
}

import { webApi } from "@slack/bolt";
import type { Answer } from "../../core/answer.js";
import { presentAnswer } from "../../present/answer-view.js";
import type { DigestPoster } from "../../service/follows/follow-digests.js";
import type { Follow } from "../../store/follows.js";
import { renderSlackView } from "./render-blocks.js";

/** Options of the Slack digest poster. */
export interface SlackDigestOptions {
  botToken: string;
  /** Web API base URL (GovSlack, a proxy; tests: the fake). */
  apiUrl?: string;
}

/** Posts a follow digest with `chat.postMessage`: Block Kit within its limits, text escaped, no buttons. */
export function slackDigestPoster(options: SlackDigestOptions): DigestPoster {
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl !== undefined && {
      slackApiUrl: options.apiUrl.endsWith("/") ? options.apiUrl : `${options.apiUrl}/`,
    }),
    timeout: 10_000,
    retryConfig: { retries: 2 },
    attachOriginalToWebAPIRequestError: false,
  });
  return {
    platform: "slack",
    post: async (follow: Follow, digest: Answer) => {
      const { text, blocks } = renderSlackView(presentAnswer(digest, { visibility: "public" }));
      await client.chat.postMessage({ channel: follow.channel, text, blocks, unfurl_links: false });
    },
  };
}

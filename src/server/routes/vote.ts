import type { Insights } from "../../service/insights/insights.js";
import { VOTE_REPLIES } from "../../service/insights/vote-replies.js";
import { sendError, sendJson } from "../respond.js";
import type { Route } from "../router.js";
import type { ClientKey } from "./question.js";

/**
 * `POST /api/vote?answer=<answer id>&helpful=true|false`: the playground's Helpful / Not
 * helpful. One vote per client address per answer; the body is not read.
 */
export function voteRoute(insights: Insights | undefined, clientKey: ClientKey): Route {
  return {
    name: "/api/vote",
    methods: ["POST"],
    path: "/api/vote",
    handler: async ({ req, res, url }) => {
      req.resume();
      const answerId = url.searchParams.get("answer") ?? "";
      const helpful = url.searchParams.get("helpful");
      if (helpful !== "true" && helpful !== "false") {
        sendError(res, 400, "bad_request", "helpful must be true or false.");
        return;
      }
      if (!insights) {
        sendError(res, 404, "not_found", "Votes are not stored here (INSIGHTS=off or no database).");
        return;
      }
      const reply = await insights.vote(
        answerId,
        { platform: "web", user: `ip:${clientKey(req)}` },
        helpful === "true",
      );
      if (reply === "noted") sendJson(res, 200, { vote: reply, message: VOTE_REPLIES.noted });
      else if (reply === "invalid") sendError(res, 400, "bad_request", VOTE_REPLIES.invalid);
      else sendError(res, 503, "unavailable", VOTE_REPLIES.unavailable, { "retry-after": "60" });
    },
  };
}

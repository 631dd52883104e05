import type { VoteReply } from "./insights.js";

/** What a reader is told, privately, after clicking Helpful or Not helpful (every platform). */
export const VOTE_REPLIES: Readonly<Record<VoteReply, string>> = Object.freeze({
  noted: "Thanks — noted.",
  invalid: "This answer can no longer be rated. Ask the question again to rate the new answer.",
  unavailable: "Thanks — but your vote could not be saved just now. Please try again in a minute.",
});

/**
 * The two clocks both platforms hold us to, written once.
 */

/**
 * 2000 ms: how long an answer may take to go out as the first response itself.
 * Both platforms want a first response within 3 seconds; a second is left for the
 * round trip even on a slow link. A slower answer is deferred (Discord) or acked
 * empty and sent to the response_url (Slack).
 */
export const ANSWER_BUDGET_MS = 2000;

/**
 * Five minutes, either way: a signed request whose timestamp is further from now
 * is refused as a replay. Discord's and Slack's own rule.
 */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

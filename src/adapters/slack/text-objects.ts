import type { types } from "@slack/bolt";

// verbatim: Slack otherwise links bare URLs and channel names and parses some
// mentions written as plain words; what we echo must show exactly as written.
/** A mrkdwn text object for text that is already escaped. */
export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: "mrkdwn", text, verbatim: true };
}

/** A plain_text object for text that is already escaped. */
export function plainText(text: string): types.PlainTextElement {
  return { type: "plain_text", text, emoji: true };
}

import type { App, webApi } from "@slack/bolt";
import { type ListenerDeps, MESSAGE_OPTIONS } from "./deps.js";
import { failureMessage } from "./failure.js";
import { mentionToInvocation } from "./invocation.js";
import { renderSlackAnswer } from "./render-blocks.js";

/** The fields of an app_mention event this adapter reads. */
interface Mention {
  channel: string;
  text: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
}

/**
 * Answers `@Backstory why visa` in a thread under the mention (publicly: the
 * question was asked in the open), or only to the asker when the text ends with
 * `private`. Failures are shown only to the asker. Mentions by bots are ignored,
 * so two bots cannot talk to each other forever.
 */
export function onMentions(app: App, deps: ListenerDeps): void {
  app.event("app_mention", async ({ event, client }) => {
    if (event.bot_id !== undefined || event.user === undefined) return;
    await answerMention(deps, event, event.user, client);
  });
}

async function answerMention(deps: ListenerDeps, event: Mention, user: string, client: webApi.WebClient) {
  const where = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts };
  try {
    const invocation = mentionToInvocation(event.text, user);
    const visibility = invocation.visibility ?? "public";
    const answer = await deps.asker.ask(invocation);
    const message = renderSlackAnswer(answer, { args: invocation.args, visibility });
    if (visibility === "private") await client.chat.postEphemeral({ ...where, ...message, user });
    else await client.chat.postMessage({ ...where, ...message, ...MESSAGE_OPTIONS });
  } catch (error) {
    const message = failureMessage(error, deps.logger, { stage: "app_mention", user });
    await client.chat.postEphemeral({ ...where, ...message, user });
  }
}

import { within } from "../within.js";
import type { DiscordMessage } from "./message.js";
import { type InteractionResponder, withoutFlags } from "./responder.js";

/** How an answer is delivered. */
export interface Delivery {
  /** `reply`: a new message (a command, "Post to channel"); `update`: replace the clicked message (paging). */
  mode: "reply" | "update";
  /** Whether a new message is private (for `reply`). */
  isPrivate: boolean;
  deferAfterMs: number;
  /** The private message shown for a failure (it logs the details). */
  onError(error: unknown): DiscordMessage;
}

type Settled = { state: "ready"; message: DiscordMessage } | { state: "failed"; error: unknown };

/**
 * Answers with the message when it is ready within `deferAfterMs`; otherwise
 * defers at once (so Discord's 3 seconds are kept) and edits the response when
 * the message is ready. A failure always ends as a private message: a deferred
 * public reply is deleted and replaced by a private follow-up.
 */
export async function deliverInTime(
  work: Promise<DiscordMessage>,
  responder: InteractionResponder,
  delivery: Delivery,
): Promise<void> {
  const settled: Promise<Settled> = work.then(
    (message) => ({ state: "ready", message }),
    (error: unknown) => ({ state: "failed", error }),
  );
  const early = await within(settled, delivery.deferAfterMs);
  if (early) {
    if (early.state === "failed") return responder.reply(delivery.onError(early.error));
    return delivery.mode === "reply" ? responder.reply(early.message) : responder.update(early.message);
  }
  if (delivery.mode === "reply") await responder.deferReply(delivery.isPrivate);
  else await responder.deferUpdate();
  const late = await settled;
  if (late.state === "ready") return responder.editReply(withoutFlags(late.message));
  const failure = delivery.onError(late.error);
  if (delivery.mode === "reply" && delivery.isPrivate) return responder.editReply(withoutFlags(failure));
  // A public "thinking…" message must not turn into a public error: it goes, the error comes privately.
  if (delivery.mode === "reply") await responder.deleteReply();
  return responder.followUp(failure);
}

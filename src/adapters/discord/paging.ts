import { ButtonStyle, ComponentType } from "discord.js";
import type { AnswerView, ButtonIntent } from "../../present/answer-view.js";
import { argsFitInCustomId, type ButtonState, encodeButtonState } from "./button-state.js";
import type { ButtonRow } from "./message.js";
import { encodeVoteButton } from "./vote-button.js";

/** Button labels (each well under Discord's 80). */
export const BUTTON_LABELS = Object.freeze({
  previous: "◀ Previous",
  next: "Next ▶",
  post: "Post to channel",
  helpful: "👍 Helpful",
  notHelpful: "👎 Not helpful",
});

/**
 * The view's buttons as one row (at most five: Previous, Next, Post, Helpful, Not helpful),
 * each carrying its request in its custom_id.
 * None when the request fits neither a custom_id nor the footer
 * (`askedLineInFooter`): it could not be asked again.
 */
export function answerButtons(view: AnswerView, askedLineInFooter: boolean): ButtonRow[] {
  const { command, args } = view;
  if (args === undefined) return [];
  const customId = (intent: Exclude<ButtonIntent, { kind: "vote" }>): string | undefined => {
    const state: ButtonState = {
      action: intent.kind === "share" ? "post" : "page",
      command,
      page: intent.page,
      args,
    };
    return argsFitInCustomId(state) || askedLineInFooter ? encodeButtonState(state) : undefined;
  };
  const buttons: ButtonRow["components"] = [];
  for (const intent of view.buttons) {
    if (intent.kind === "vote") {
      const label = intent.helpful ? BUTTON_LABELS.helpful : BUTTON_LABELS.notHelpful;
      buttons.push(button(encodeVoteButton(intent), label, ButtonStyle.Secondary, false));
      continue;
    }
    const id = customId(intent);
    if (id === undefined) continue;
    if (intent.kind === "share") buttons.push(button(id, BUTTON_LABELS.post, ButtonStyle.Primary, false));
    else buttons.push(button(id, BUTTON_LABELS[intent.direction], ButtonStyle.Secondary, !intent.enabled));
  }
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  disabled: boolean,
): ButtonRow["components"][number] {
  return { type: ComponentType.Button, custom_id: customId, label, style, disabled };
}

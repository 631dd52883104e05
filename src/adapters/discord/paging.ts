import { ButtonStyle, ComponentType } from "discord.js";
import type { CommandArgs } from "../../core/invocation.js";
import { argsFitInCustomId, type ButtonState, encodeButtonState } from "./button-state.js";
import type { ButtonRow } from "./message.js";

/** Items per page: five excerpts with their citations read well and fit every limit. */
export const ITEMS_PER_PAGE = 5;

/** Button labels (each well under Discord's 80). */
export const BUTTON_LABELS = Object.freeze({
  previous: "◀ Previous",
  next: "Next ▶",
  post: "Post to channel",
});

/** Where an answer stands, for its buttons. */
export interface PagingPosition {
  command: string;
  args: CommandArgs;
  /** 0-based page shown. */
  page: number;
  pages: number;
  isPrivate: boolean;
  /** Whether the message carries the asked line, so buttons may leave long arguments to it. */
  askedLineInFooter: boolean;
}

/**
 * The buttons under an answer: Previous / Next when there is more than one page,
 * "Post to channel" when the answer is private. None when the request can be
 * carried neither in a custom_id nor in the footer (it cannot be asked again).
 */
export function answerButtons(position: PagingPosition): ButtonRow[] {
  const { command, args, page, pages, isPrivate } = position;
  const state = (action: "page" | "post", target: number) => {
    const button: ButtonState = { action, command, page: target, args };
    return argsFitInCustomId(button) || position.askedLineInFooter ? encodeButtonState(button) : undefined;
  };
  const buttons: ButtonRow["components"] = [];
  if (pages > 1) {
    const previous = state("page", Math.max(0, page - 1));
    const next = state("page", Math.min(pages - 1, page + 1));
    if (previous && next) {
      buttons.push(
        button(previous, BUTTON_LABELS.previous, ButtonStyle.Secondary, page === 0),
        button(next, BUTTON_LABELS.next, ButtonStyle.Secondary, page >= pages - 1),
      );
    }
  }
  const post = isPrivate ? state("post", page) : undefined;
  if (post) buttons.push(button(post, BUTTON_LABELS.post, ButtonStyle.Primary, false));
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

import type { APIMessage } from "discord.js";
import { MessageFlags } from "discord.js";

/** A button as a test looks at it. */
export interface ButtonView {
  custom_id: string;
  label: string;
  disabled: boolean;
}

/** The buttons of a message, in order. */
export function buttonsOf(message: APIMessage): ButtonView[] {
  return (message.components ?? []).flatMap((row) =>
    "components" in row
      ? row.components.map((b) => ({
          custom_id: "custom_id" in b ? b.custom_id : "",
          label: "label" in b ? (b.label ?? "") : "",
          disabled: "disabled" in b ? Boolean(b.disabled) : false,
        }))
      : [],
  );
}

/** The custom_id of the button whose label contains `label`. */
export function buttonId(message: APIMessage, label: string): string {
  const found = buttonsOf(message).find((b) => b.label.includes(label));
  if (!found) throw new Error(`no "${label}" button on the message`);
  return found.custom_id;
}

/** The footer text of the message's first embed. */
export const footerOf = (message: APIMessage): string => message.embeds[0]?.footer?.text ?? "";

/** Whether only the asker sees the message. */
export const isEphemeral = (message: APIMessage): boolean =>
  ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

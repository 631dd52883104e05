import { commandInteraction, type OptionInput, snowflake } from "../../fakes/discord/payloads.js";
import type { DiscordSigner } from "../../fakes/discord/signing.js";
import { type SlashCommandInput, slashCommandForm } from "../../fakes/slack/payloads.js";
import { slackSignature } from "./forgeries.js";
import type { RawRequest } from "./raw-http.js";

/** A slash command interaction as Discord sends it, signed now. */
export function signedDiscordCommand(
  signer: DiscordSigner,
  applicationId: string,
  command: string,
  options: Record<string, OptionInput>,
  userId?: string,
): RawRequest {
  const id = snowflake();
  const payload = commandInteraction(
    { id, token: `token-${id}`, applicationId, ...(userId === undefined ? {} : { userId }) },
    command,
    options,
  );
  const body = JSON.stringify(payload);
  return { method: "POST", headers: signer.headers(body), body };
}

/** A slash command as Slack sends it, signed now with `secret`. */
export function signedSlackCommand(secret: string, input: SlashCommandInput): RawRequest {
  const body = slashCommandForm(input);
  return {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature(body, secret, Math.floor(Date.now() / 1000)),
    },
    body,
  };
}

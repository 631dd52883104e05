import { expect } from "vitest";
import { commandInteraction } from "../fakes/discord/payloads.js";
import type { DiscordSigner } from "../fakes/discord/signing.js";
import type { FakeSlackApi } from "../fakes/slack/fake-slack-api.js";
import { slashCommandForm } from "../fakes/slack/payloads.js";
import { FORM, post, postSigned } from "../fakes/slack/signed-request.js";

/** The Discord permission bit of members who may /follow in a channel. */
export const MANAGE_CHANNELS = String(1 << 4);

/** Sends signed slash commands to a service's Slack and Discord HTTP endpoints, as the platforms would. */
export function channelAsker(
  target: () => { url: string; slack: FakeSlackApi },
  secret: string,
  signer: DiscordSigner,
  applicationId: string,
) {
  let n = 0;
  return {
    /** A signed Slack slash command; the JSON text Bolt acks with. */
    slash: async (command: string, text: string, userId: string): Promise<string> => {
      const { url, slack } = target();
      const body = slashCommandForm({ command, text, userId, responseUrl: slack.responseUrl(`r-${++n}`) });
      const reply = await postSigned(`${url}/slack/events`, body, FORM, secret);
      expect(reply.status).toBe(200);
      return JSON.stringify(JSON.parse(reply.body));
    },
    /** A signed Discord slash command over HTTP from a member with `permissions`; the response's text. */
    discord: async (name: string, options: Record<string, string>, permissions: string): Promise<string> => {
      const interaction = commandInteraction(
        { id: `${Date.now()}${++n}`, token: `tok-${n}`, applicationId },
        name,
        options,
      );
      if (interaction.member) interaction.member.permissions = permissions;
      const body = JSON.stringify(interaction);
      const reply = await post(`${target().url}/discord/interactions`, body, signer.headers(body));
      expect(reply.status).toBe(200);
      return reply.body;
    },
  };
}

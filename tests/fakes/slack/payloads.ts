/**
 * Request bodies as Slack sends them: slash commands (form fields), block actions
 * (a form with one `payload` JSON field) and Events API callbacks (JSON).
 */

/** Fields of a slash command that tests vary. */
export interface SlashCommandInput {
  command: string;
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
}

/** The payload of a slash command, as a record (Socket Mode sends it as JSON). */
export function slashCommandPayload(input: SlashCommandInput): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: "T0TEAM",
    team_domain: "newsroom",
    channel_id: input.channelId ?? "C0NEWS",
    channel_name: "news",
    user_id: input.userId ?? "U0ANA",
    user_name: "ana",
    command: input.command,
    text: input.text,
    api_app_id: "A0APP",
    is_enterprise_install: "false",
    response_url: input.responseUrl,
    trigger_id: "1.2.3",
  };
}

/** A slash command as the form-encoded body of an HTTP request. */
export function slashCommandForm(input: SlashCommandInput): string {
  return new URLSearchParams(slashCommandPayload(input)).toString();
}

/** Fields of a button click that tests vary. */
export interface ButtonClickInput {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  threadTs?: string;
}

/** A block_actions payload for a click on one button. */
export function blockActionPayload(input: ButtonClickInput): Record<string, unknown> {
  const container: Record<string, unknown> = {
    type: "message",
    message_ts: "1700000000.000100",
    channel_id: "C0NEWS",
    is_ephemeral: true,
  };
  if (input.threadTs !== undefined) container.thread_ts = input.threadTs;
  return {
    type: "block_actions",
    user: { id: input.userId ?? "U0ANA", username: "ana", name: "ana", team_id: "T0TEAM" },
    api_app_id: "A0APP",
    token: "legacy-verification-token",
    container,
    trigger_id: "1.2.3",
    team: { id: "T0TEAM", domain: "newsroom" },
    channel: { id: "C0NEWS", name: "news" },
    response_url: input.responseUrl,
    actions: [
      {
        type: "button",
        action_id: input.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "Next ›", emoji: true },
        value: input.value,
        action_ts: "1700000001.000000",
      },
    ],
  };
}

/** A button click as the form-encoded body of an HTTP request. */
export function blockActionForm(input: ButtonClickInput): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionPayload(input)) }).toString();
}

/** Fields of an app mention that tests vary. */
export interface MentionInput {
  text: string;
  userId?: string;
  botId?: string;
  ts?: string;
  threadTs?: string;
}

/** An Events API callback carrying an app_mention event. */
export function appMentionEnvelope(input: MentionInput): Record<string, unknown> {
  const event: Record<string, unknown> = {
    type: "app_mention",
    text: input.text,
    ts: input.ts ?? "1700000000.000100",
    channel: "C0NEWS",
    event_ts: input.ts ?? "1700000000.000100",
  };
  if (input.userId !== undefined || input.botId === undefined) event.user = input.userId ?? "U0ANA";
  if (input.botId !== undefined) event.bot_id = input.botId;
  if (input.threadTs !== undefined) event.thread_ts = input.threadTs;
  return {
    token: "legacy-verification-token",
    team_id: "T0TEAM",
    api_app_id: "A0APP",
    event,
    type: "event_callback",
    event_id: "Ev0001",
    event_time: 1700000000,
    authorizations: [{ team_id: "T0TEAM", user_id: "U0BOT", is_bot: true, is_enterprise_install: false }],
  };
}

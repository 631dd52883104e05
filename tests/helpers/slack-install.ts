import { randomBytes } from "node:crypto";
import { request } from "node:http";
import type { FakeSlackApi, InstallingWorkspace } from "../fakes/slack/fake-slack-api.js";
import { TEST_CLIENT } from "../fakes/slack/fake-slack-api.js";
import { appMentionEnvelope, blockActionPayload, slashCommandPayload } from "../fakes/slack/payloads.js";
import {
  FORM,
  JSON_TYPE,
  nowSeconds,
  type PostResult,
  postSigned,
  signatureHeaders,
} from "../fakes/slack/signed-request.js";

/** The signing secret and state secret of the installable test app; none is real. */
export const INSTALLS_SIGNING_SECRET = "5b0f7e2c9a1d8e3f4b6c7a8d9e0f1a2b";
export const INSTALLS_STATE_SECRET = "state-secret-of-the-test-app-0123456789";

/** A fresh `id:base64key` ENCRYPTION_KEY entry. */
export function encryptionKey(id: string): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

/** The environment of a web process serving installs against a fake Slack. */
export function installsEnv(fake: FakeSlackApi, keys: string): Record<string, string> {
  return {
    SLACK_CLIENT_ID: TEST_CLIENT.clientId,
    SLACK_CLIENT_SECRET: TEST_CLIENT.clientSecret,
    SLACK_STATE_SECRET: INSTALLS_STATE_SECRET,
    SLACK_SIGNING_SECRET: INSTALLS_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ENCRYPTION_KEY: keys,
  };
}

/** What a browser got from one GET (redirects not followed). */
export interface GetResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with node:http (fetch hides Set-Cookie on redirects), redirects not followed. */
export function get(url: string, headers: Record<string, string> = {}): Promise<GetResult> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    })
      .on("error", reject)
      .end();
  });
}

/**
 * A workspace installs the app as a browser would: opens `/slack/install` on one
 * server (a redirect to Slack's approval page, with a state cookie), approves on the
 * fake, and comes back to `/slack/oauth_redirect` on another (or the same) server
 * with the code, the state and the cookie. Returns the redirect's answer.
 */
export async function installWorkspace(
  fake: FakeSlackApi,
  workspace: InstallingWorkspace,
  via: { install: string; redirect: string },
): Promise<GetResult> {
  const start = await get(`${via.install}/slack/install`);
  if (start.status !== 302) throw new Error(`/slack/install answered ${start.status}`);
  const approval = new URL(String(start.headers.location));
  const state = approval.searchParams.get("state") ?? "";
  const cookies = ([] as string[]).concat(start.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);
  const code = fake.approveInstall(workspace);
  return get(
    `${via.redirect}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
    {
      cookie: cookies.join("; "),
    },
  );
}

/** Someone in `teamId` mentions the bot in `channel`: the signed Events API callback. */
export function mentionFrom(
  origin: string,
  teamId: string,
  channel: string,
  text: string,
): Promise<PostResult> {
  const envelope = appMentionEnvelope({ text: `<@U0BOT> ${text}` });
  const event = { ...(envelope.event as Record<string, unknown>), channel };
  const body = {
    ...envelope,
    team_id: teamId,
    event,
    event_id: `Ev${randomBytes(6).toString("hex")}`,
    authorizations: [
      { team_id: teamId, user_id: `U${teamId.slice(1)}BOT`, is_bot: true, is_enterprise_install: false },
    ],
  };
  return postSigned(`${origin}/slack/events`, JSON.stringify(body), JSON_TYPE, INSTALLS_SIGNING_SECRET);
}

/**
 * A workspace removes the app (Slack's signed `app_uninstalled` event), or revokes tokens
 * (`tokens_revoked`, naming the bot's or only users' tokens).
 */
export function uninstallFrom(
  origin: string,
  teamId: string,
  how: "app_uninstalled" | "bot tokens revoked" | "user tokens revoked" = "app_uninstalled",
): Promise<PostResult> {
  const event =
    how === "app_uninstalled"
      ? { type: "app_uninstalled", event_ts: "1700000001.000100" }
      : {
          type: "tokens_revoked",
          event_ts: "1700000001.000100",
          tokens:
            how === "bot tokens revoked" ? { bot: [`U${teamId.slice(1)}BOT`] } : { oauth: ["U0INSTALLER"] },
        };
  const body = {
    token: "legacy-verification-token",
    team_id: teamId,
    api_app_id: "A0APP",
    event,
    type: "event_callback",
    event_id: `Ev${randomBytes(6).toString("hex")}`,
    event_time: 1700000001,
    authorizations: [
      { team_id: teamId, user_id: `U${teamId.slice(1)}BOT`, is_bot: true, is_enterprise_install: false },
    ],
  };
  return postSigned(`${origin}/slack/events`, JSON.stringify(body), JSON_TYPE, INSTALLS_SIGNING_SECRET);
}

/** A signed slash command from `userId` of `teamId`, as Slack posts it (the answer comes in the ack). */
export function slashCommandFrom(
  origin: string,
  input: {
    teamId: string;
    channel: string;
    userId: string;
    command: string;
    text: string;
    responseUrl: string;
  },
): Promise<PostResult> {
  const form = new URLSearchParams({
    ...slashCommandPayload({
      command: input.command,
      text: input.text,
      responseUrl: input.responseUrl,
      userId: input.userId,
      channelId: input.channel,
    }),
    team_id: input.teamId,
  }).toString();
  // fetch, with a deadline: under load through a proxy a reset connection must end as an error, not hang.
  return fetch(`${origin}/slack/events`, {
    method: "POST",
    headers: { "content-type": FORM, ...signatureHeaders(form, INSTALLS_SIGNING_SECRET, nowSeconds()) },
    body: form,
    signal: AbortSignal.timeout(10_000),
  }).then(async (response) => ({ status: response.status, body: await response.text() }));
}

/** Someone of `teamId` clicks a button (its action id and value) under an answer: the signed interaction. */
export function clickFrom(
  origin: string,
  input: {
    teamId: string;
    channel: string;
    userId: string;
    actionId: string;
    value: string;
    responseUrl: string;
  },
): Promise<PostResult> {
  const payload = blockActionPayload({
    actionId: input.actionId,
    value: input.value,
    responseUrl: input.responseUrl,
    userId: input.userId,
  });
  const withTeam = {
    ...payload,
    user: { ...(payload.user as Record<string, unknown>), team_id: input.teamId },
    team: { id: input.teamId, domain: "herald" },
    channel: { id: input.channel, name: "news" },
    container: { ...(payload.container as Record<string, unknown>), channel_id: input.channel },
  };
  const form = new URLSearchParams({ payload: JSON.stringify(withTeam) }).toString();
  return postSigned(`${origin}/slack/events`, form, FORM, INSTALLS_SIGNING_SECRET);
}

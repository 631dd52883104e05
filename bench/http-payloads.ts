import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import type { OptionValue } from "../src/core/invocation.js";

/** The signing secret the benchmark gives the app and signs Slack requests with. */
export const SLACK_TEST_SECRET = "backstory-bench-signing-secret";

/** Slack's v0 signature headers for a body at a time (seconds). */
export function slackSignatureHeaders(body: string, secret: string, seconds: number): Record<string, string> {
  const signature = createHmac("sha256", secret).update(`v0:${seconds}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(seconds), "x-slack-signature": `v0=${signature}` };
}

/** A slash command as Slack POSTs it (form-encoded). */
export function slackSlashCommandBody(input: {
  command: string;
  text: string;
  responseUrl: string;
  userId: string;
}): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0BENCH",
    team_domain: "bench",
    channel_id: "C0BENCH",
    channel_name: "news",
    user_id: input.userId,
    user_name: "reader",
    command: input.command,
    text: input.text,
    api_app_id: "A0BENCH",
    is_enterprise_install: "false",
    response_url: input.responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

/** An Ed25519 key pair standing in for Discord's. */
export interface DiscordSigner {
  /** As the developer portal shows it: 64 hex characters (DISCORD_PUBLIC_KEY). */
  publicKeyHex: string;
  headers(body: string, seconds: number): Record<string, string>;
}

/** A fresh Discord signer. */
export function createDiscordSigner(): DiscordSigner {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyHex: rawKeyHex(publicKey),
    headers: (body, seconds) => ({
      "x-signature-timestamp": String(seconds),
      "x-signature-ed25519": sign(null, Buffer.from(`${seconds}${body}`), privateKey).toString("hex"),
    }),
  };
}

function rawKeyHex(key: KeyObject): string {
  const jwk = key.export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("not an Ed25519 public key");
  return Buffer.from(jwk.x, "base64url").toString("hex");
}

const OPTION_TYPE = { string: 3, number: 4, boolean: 5 } as const;

/** A chat-input command interaction as Discord POSTs it to the interactions endpoint. */
export function discordCommandBody(input: {
  id: string;
  applicationId: string;
  command: string;
  args: Readonly<Record<string, OptionValue>>;
  userId: string;
}): string {
  const user = {
    id: input.userId,
    username: "reader",
    discriminator: "0",
    global_name: "Reader",
    avatar: null,
  };
  return JSON.stringify({
    id: input.id,
    application_id: input.applicationId,
    token: `bench-token-${input.id}`,
    version: 1,
    type: 2,
    guild_id: "300000000000000001",
    channel_id: "300000000000000002",
    channel: { id: "300000000000000002", type: 0, guild_id: "300000000000000001", name: "news" },
    member: {
      user,
      roles: [],
      joined_at: "2025-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      permissions: "0",
    },
    app_permissions: "0",
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": "300000000000000001" },
    context: 0,
    data: {
      id: `cmd-${input.command}`,
      name: input.command,
      type: 1,
      options: Object.entries(input.args).map(([name, value]) => ({
        name,
        type: OPTION_TYPE[typeof value as keyof typeof OPTION_TYPE],
        value,
      })),
    },
  });
}

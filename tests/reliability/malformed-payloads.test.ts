import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buttonInteraction,
  commandInteraction,
  messageObject,
  snowflake,
} from "../fakes/discord/payloads.js";
import { appMentionEnvelope, blockActionPayload, slashCommandForm } from "../fakes/slack/payloads.js";
import { slackSignature } from "../helpers/reliability/forgeries.js";
import {
  FAKE_SECRETS,
  type PlatformEndpoints,
  startPlatformEndpoints,
} from "../helpers/reliability/platform-endpoints.js";
import { closeIdleConnections, sendRaw } from "../helpers/reliability/raw-http.js";
import { signedDiscordCommand } from "../helpers/reliability/valid-requests.js";
import { seedAsker } from "../helpers/seed-engine.js";

let endpoints: PlatformEndpoints;
beforeAll(async () => {
  endpoints = await startPlatformEndpoints({ asker: await seedAsker() });
});
afterAll(async () => {
  await endpoints?.close();
  closeIdleConnections();
});

type Json = Record<string, unknown>;

function discordContext() {
  const id = snowflake();
  return { id, token: `token-${id}`, applicationId: endpoints.applicationId };
}

/** A genuine /quote command, changed by `damage`, then signed with Discord's (fake) key. */
function damagedCommand(damage: (payload: Json) => void): Json {
  const payload = structuredClone(
    commandInteraction(discordContext(), "quote", { speaker: "petro" }),
  ) as unknown as Json;
  damage(payload);
  return payload;
}

function damagedButton(damage: (payload: Json) => void): Json {
  const message = messageObject(snowflake(), endpoints.applicationId, {
    embeds: [{ title: "Quotes", footer: { text: "/quote speaker:petro" } }],
  });
  const payload = structuredClone(buttonInteraction(discordContext(), message, "p|1|x")) as unknown as Json;
  damage(payload);
  return payload;
}

async function postDiscord(payload: unknown) {
  const body = JSON.stringify(payload);
  return sendRaw(
    endpoints.discordUrl,
    { method: "POST", headers: endpoints.signer.headers(body), body },
    5000,
  );
}

async function postSlack(type: string, body: string) {
  const headers = {
    "content-type": type,
    ...slackSignature(body, FAKE_SECRETS.slackSigningSecret, Math.floor(Date.now() / 1000)),
  };
  return sendRaw(endpoints.slackUrl, { method: "POST", headers, body }, 5000);
}

const data = (p: Json) => p.data as Json;

describe("GIVEN validly signed Discord bodies of the wrong shape", () => {
  it.each<[string, () => unknown, RegExp]>([
    ["a command without data", () => ({ type: 2, id: "1", token: "t" }), /data/u],
    [
      "a member without a user",
      () => damagedCommand((p) => Object.assign(p, { member: {} })),
      /member\.user/u,
    ],
    [
      "options that are a string",
      () => damagedCommand((p) => Object.assign(data(p), { options: "x" })),
      /data\.options/u,
    ],
    [
      "an option whose value is an object",
      () =>
        damagedCommand((p) =>
          Object.assign(data(p), { options: [{ name: "speaker", type: 3, value: { a: 1 } }] }),
        ),
      /data\.options\.0\.value/u,
    ],
    ["a component without its message", () => damagedButton((p) => delete p.message), /message/u],
    [
      "a component whose embeds are null",
      () => damagedButton((p) => Object.assign(p.message as Json, { embeds: null })),
      /message\.embeds/u,
    ],
    ["a JSON array", () => [1, 2], /body|type/u],
  ])("WHEN it is %s THEN 400 naming the field, and nothing is asked", async (_what, payload, field) => {
    const before = endpoints.asker.asked.length;
    const response = await postDiscord(payload());
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/^Bad Request: not an interaction Backstory can read/u);
    expect(response.text).toMatch(field);
    expect(response.text).not.toContain("[object Object]");
    expect(endpoints.asker.asked.length).toBe(before);
  });

  it("WHEN a genuine command follows THEN it is answered", async () => {
    const response = await sendRaw(
      endpoints.discordUrl,
      signedDiscordCommand(endpoints.signer, endpoints.applicationId, "quote", { speaker: "petro" }),
    );
    expect(response.status).toBe(200);
    expect((JSON.parse(response.text) as { type: number }).type).toBe(4);
  });
});

describe("GIVEN validly signed Slack bodies of the wrong shape", () => {
  const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
  const command = slashCommandForm({
    command: "/quote",
    text: "petro",
    responseUrl: "http://127.0.0.1:9/",
  });
  const actions = (damage: (p: Json) => void) => {
    const payload = blockActionPayload({
      actionId: "backstory_next",
      value: "x",
      responseUrl: "http://127.0.0.1:9/",
    });
    damage(payload);
    return form([["payload", JSON.stringify(payload)]]);
  };

  it.each<[string, string, () => string]>([
    [
      "block_actions with actions null",
      "application/x-www-form-urlencoded",
      () => actions((p) => Object.assign(p, { actions: null })),
    ],
    ["block_actions with no user", "application/x-www-form-urlencoded", () => actions((p) => delete p.user)],
    ["a form naming command twice", "application/x-www-form-urlencoded", () => `${command}&command=%2Fwhy`],
    [
      "a slash command without its user",
      "application/x-www-form-urlencoded",
      () =>
        form([
          ["command", "/quote"],
          ["text", "petro"],
        ]),
    ],
    [
      "an event callback whose event is null",
      "application/json",
      () => JSON.stringify({ ...appMentionEnvelope({ text: "<@U0BOT> why visa" }), event: null }),
    ],
  ])("WHEN it is %s THEN 400, and nothing is asked", async (_what, type, body) => {
    const before = endpoints.asker.asked.length;
    const response = await postSlack(type, body());
    expect(response.status).toBe(400);
    expect(endpoints.asker.asked.length).toBe(before);
    expect(endpoints.log.lines().some((l) => l.msg === "slack: signed body refused")).toBe(true);
  });
});

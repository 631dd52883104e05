import type { APIMessage } from "discord.js";
import { MessageFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Asker } from "../../../src/service/asker.js";
import { type EndpointFixture, postTo, startEndpointFixture } from "../../fakes/discord/endpoint-fixture.js";
import type { Outcome } from "../../fakes/discord/fake-discord.js";
import { autocompleteInteraction, commandInteraction } from "../../fakes/discord/payloads.js";
import { createDiscordSigner } from "../../fakes/discord/signing.js";
import { failingAsker, gatedAsker, manyItemsAsker } from "../../helpers/askers.js";
import { seedAsker } from "../../helpers/seed-engine.js";

const MAX_BODY = 64 * 1024;
let e: EndpointFixture;
let seed: Asker;
beforeAll(async () => {
  seed = await seedAsker();
  e = await startEndpointFixture(seed, { deferAfterMs: 150, maxBodyBytes: MAX_BODY });
});
afterAll(async () => {
  await e?.stop();
});
afterEach(() => {
  expect(e.fake.rejections).toEqual([]);
  e.asker.use(seed);
});

const PING = JSON.stringify({ type: 1, id: "1", application_id: "2", token: "t", version: 1 });
const now = () => Math.floor(Date.now() / 1000);

function messageOf(outcome: Outcome): APIMessage {
  if (!("message" in outcome)) throw new Error(`expected a message, got ${outcome.via}`);
  return outcome.message;
}

describe("GIVEN requests signed by Discord", () => {
  it("WHEN Discord sends a PING with a valid signature THEN the endpoint answers PONG", async () => {
    const response = await e.post(PING, e.signer.headers(PING));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ type: 1 });
  });

  it("WHEN the signature is by another key THEN 401", async () => {
    const stranger = createDiscordSigner();
    expect((await e.post(PING, stranger.headers(PING))).status).toBe(401);
  });

  it("WHEN the body was changed after signing THEN 401", async () => {
    const headers = e.signer.headers(PING);
    expect((await e.post(PING.replace('"t"', '"u"'), headers)).status).toBe(401);
  });

  it.each(["x-signature-ed25519", "x-signature-timestamp"])(
    "WHEN the %s header is missing THEN 401",
    async (name) => {
      const headers = e.signer.headers(PING);
      delete headers[name];
      expect((await e.post(PING, headers)).status).toBe(401);
    },
  );

  it("WHEN the signature is not hexadecimal THEN 401", async () => {
    const headers = { ...e.signer.headers(PING), "x-signature-ed25519": "z".repeat(128) };
    expect((await e.post(PING, headers)).status).toBe(401);
  });

  it("WHEN the timestamp is more than five minutes old (a replay) THEN 401, though the signature is valid", async () => {
    expect((await e.post(PING, e.signer.headers(PING, now() - 301))).status).toBe(401);
    expect((await e.post(PING, e.signer.headers(PING, now() - 240))).status).toBe(200);
  });

  it("WHEN the timestamp is more than five minutes ahead THEN 401", async () => {
    expect((await e.post(PING, e.signer.headers(PING, now() + 301))).status).toBe(401);
  });

  it("WHEN the signed body is not JSON THEN 400", async () => {
    expect((await e.post("not json", e.signer.headers("not json"))).status).toBe(400);
  });
});

describe("GIVEN requests that are not interactions", () => {
  it("WHEN the body is larger than the cap THEN 413, before any signature check", async () => {
    const body = JSON.stringify({ type: 1, padding: "x".repeat(MAX_BODY) });
    expect((await e.post(body, e.signer.headers(body))).status).toBe(413);
  });

  it("WHEN an oversized body is streamed without a length THEN 413 too", async () => {
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(8 * 1024, 0x61));
    const response = await postTo(e.url, chunks, {
      "content-type": "application/json",
      "transfer-encoding": "chunked",
    });
    expect(response.status).toBe(413);
  });

  it("WHEN the method is GET THEN 405", async () => {
    const response = await fetch(e.url);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("GIVEN slash commands over HTTP", () => {
  it("WHEN /quote petro is answered quickly THEN the HTTP response is the answer (type 4), private", async () => {
    const interaction = e.fake.track((c) => commandInteraction(c, "quote", { speaker: "petro" }));
    const response = await e.deliver(interaction);
    expect(response.json()).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
    const message = messageOf(await interaction.outcome());
    expect(message.embeds[0]?.title).toBe("Quotes: Gustavo Petro");
  });

  it("WHEN the answer is slow THEN the HTTP response defers (type 5) and the answer is edited in through REST", async () => {
    const held = gatedAsker(seed);
    e.asker.use(held);
    const interaction = e.fake.track((c) => commandInteraction(c, "why", { topic: "visa", private: false }));
    // The deferral is the HTTP response while the answer is still held back (Discord's 3 s is
    // checked by the fake as it accepts the callback): order of events, not a time bound.
    const response = await e.deliver(interaction);
    expect(response.json()).toEqual({ type: 5, data: {} });
    expect(held.waiting).toBe(1);
    held.release();
    const outcome = await interaction.outcome();
    expect(outcome.via).toBe("edit");
    expect(messageOf(outcome).embeds[0]?.title).toBe("Why: visa");
    const edit = e.fake.requests.find((r) => r.method === "PATCH" && r.route.includes(interaction.token));
    expect(edit?.route).toBe(`/webhooks/${e.fake.applicationId}/${interaction.token}/messages/@original`);
  });

  it("WHEN a private answer fails after deferring THEN the private placeholder is edited into the error", async () => {
    e.asker.use(failingAsker(seed, new Error("slow and broken"), 400));
    const interaction = e.fake.track((c) => commandInteraction(c, "timeline", {}));
    const response = await e.deliver(interaction);
    expect(response.json()).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const outcome = await interaction.outcome();
    expect(outcome.via).toBe("edit");
    expect(messageOf(outcome).content).toMatch(/^⚠️ .+ mention reference [A-Z0-9]{6}\.$/u);
    expect(e.log.text()).toContain("slow and broken");
  });

  it("WHEN the reader types into an option THEN suggestions come back as the HTTP response (type 8)", async () => {
    const interaction = e.fake.track((c) => autocompleteInteraction(c, "who", { name: "ru" }, "name"));
    const response = await e.deliver(interaction);
    expect(response.json()).toEqual({
      type: 8,
      data: { choices: [{ name: "Marco Rubio", value: "Marco Rubio" }] },
    });
  });

  it("WHEN Next is clicked THEN the HTTP response replaces the message with page 2 (type 7)", async () => {
    e.asker.use(manyItemsAsker(8));
    const command = e.fake.track((c) => commandInteraction(c, "search", { query: "flights" }));
    await e.deliver(command);
    const first = messageOf(await command.outcome());
    const next = first.components?.[0];
    const nextId =
      next && "components" in next
        ? next.components.map((b) => ("custom_id" in b ? b.custom_id : ""))[1]
        : "";
    const click = e.fake.clickable(first, nextId ?? "");
    const response = await e.deliver(click);
    expect(response.json()).toMatchObject({ type: 7 });
    expect((response.json() as { data: { flags?: number } }).data.flags).toBeUndefined();
    const updated = messageOf(await click.outcome());
    expect(updated.id).toBe(first.id);
    expect(updated.embeds[0]?.footer?.text).toMatch(/page 2\/2$/u);
  });
});

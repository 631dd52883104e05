import { DiscordAPIError, REST, Routes } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { commandInteraction } from "../../fakes/discord/payloads.js";

// The end-to-end tests trust the fake to refuse what Discord refuses; these tests check that it does.

let fake: FakeDiscord;
let rest: REST;
beforeEach(async () => {
  fake = await FakeDiscord.start({ responseDeadlineMs: 1000 });
  rest = new REST({ api: fake.apiUrl, retries: 0 });
});
afterEach(async () => {
  await fake.close();
});

const NO_MENTIONS = { parse: [] };

async function reply(data: Record<string, unknown>): Promise<unknown> {
  const interaction = fake.track((c) => commandInteraction(c, "search", { query: "x" }));
  return rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
    body: { type: 4, data: { allowed_mentions: NO_MENTIONS, ...data } },
    auth: false,
  });
}

async function refusal(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError))
    throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error;
}

const field = (i: number) => ({ name: `${i}.`, value: "v" });

describe("GIVEN the fake Discord", () => {
  it("WHEN a message is within every limit THEN it is accepted (204)", async () => {
    await reply({ embeds: [{ title: "t".repeat(256), fields: [field(1)] }] });
    expect(fake.requests.at(-1)?.status).toBe(204);
    expect(fake.rejections).toEqual([]);
  });

  it.each([
    ["a title of 257 characters", { embeds: [{ title: "t".repeat(257) }] }, ["data", "embeds", "0", "title"]],
    [
      "26 fields",
      { embeds: [{ fields: Array.from({ length: 26 }, (_, i) => field(i)) }] },
      ["data", "embeds", "0", "fields"],
    ],
    [
      "a field value of 1025",
      { embeds: [{ fields: [{ name: "n", value: "v".repeat(1025) }] }] },
      ["data", "embeds", "0", "fields", "0", "value"],
    ],
    [
      "a blank field name",
      { embeds: [{ fields: [{ name: " ", value: "v" }] }] },
      ["data", "embeds", "0", "fields", "0", "name"],
    ],
    [
      "a footer of 2049",
      { embeds: [{ footer: { text: "f".repeat(2049) } }] },
      ["data", "embeds", "0", "footer", "text"],
    ],
    [
      "6001 characters over two embeds",
      { embeds: [{ description: "d".repeat(4000) }, { description: "d".repeat(2001) }] },
      ["data", "embeds"],
    ],
    ["11 embeds", { embeds: Array.from({ length: 11 }, () => ({ title: "t" })) }, ["data", "embeds"]],
    ["content of 2001", { content: "c".repeat(2001) }, ["data", "content"]],
    [
      "a custom_id of 101",
      {
        components: [
          { type: 1, components: [{ type: 2, style: 2, label: "x", custom_id: "c".repeat(101) }] },
        ],
      },
      ["data", "components", "0", "components", "0", "custom_id"],
    ],
    [
      "a button label of 81",
      {
        components: [{ type: 1, components: [{ type: 2, style: 2, label: "l".repeat(81), custom_id: "c" }] }],
      },
      ["data", "components", "0", "components", "0", "label"],
    ],
    [
      "6 action rows",
      {
        components: Array.from({ length: 6 }, (_, i) => ({
          type: 1,
          components: [{ type: 2, style: 2, label: "x", custom_id: `c${i}` }],
        })),
      },
      ["data", "components"],
    ],
    [
      "two buttons with one custom_id",
      {
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 2, label: "a", custom_id: "same" },
              { type: 2, style: 2, label: "b", custom_id: "same" },
            ],
          },
        ],
      },
      ["data", "components", "0", "components", "1", "custom_id"],
    ],
    [
      "a link button with a custom_id",
      {
        components: [
          {
            type: 1,
            components: [{ type: 2, style: 5, label: "Read", url: "https://a.example/", custom_id: "c" }],
          },
        ],
      },
      ["data", "components", "0", "components", "0", "custom_id"],
    ],
    [
      "a link button whose url is not a URL",
      { components: [{ type: 1, components: [{ type: 2, style: 5, label: "Read", url: "not a url" }] }] },
      ["data", "components", "0", "components", "0", "url"],
    ],
    [
      "a custom_id button with a url",
      {
        components: [
          {
            type: 1,
            components: [{ type: 2, style: 1, label: "x", custom_id: "c", url: "https://a.example/" }],
          },
        ],
      },
      ["data", "components", "0", "components", "0", "url"],
    ],
    [
      "allowed_mentions with both parse users and a users list",
      { allowed_mentions: { parse: ["users"], users: ["123456789012345678"] } },
      ["data", "allowed_mentions", "users"],
    ],
    [
      "allowed_mentions naming 101 users",
      { allowed_mentions: { parse: [], users: Array.from({ length: 101 }, (_, i) => String(1000 + i)) } },
      ["data", "allowed_mentions", "users"],
    ],
    [
      "allowed_mentions naming a role that is no snowflake",
      { allowed_mentions: { parse: [], roles: ["admins"] } },
      ["data", "allowed_mentions", "roles", "0"],
    ],
    [
      "an embed url with a space",
      { embeds: [{ title: "t", url: "https://a.example/a b" }] },
      ["data", "embeds", "0", "url"],
    ],
    [
      "an embed url with no host",
      { embeds: [{ title: "t", url: "https://" }] },
      ["data", "embeds", "0", "url"],
    ],
    [
      "an embed url of another scheme",
      { embeds: [{ title: "t", url: "javascript:alert(1)" }] },
      ["data", "embeds", "0", "url"],
    ],
    [
      "an embed timestamp that is no date",
      { embeds: [{ title: "t", timestamp: "yesterday" }] },
      ["data", "embeds", "0", "timestamp"],
    ],
    [
      "an embed timestamp of month 13",
      { embeds: [{ title: "t", timestamp: "2025-13-01T00:00:00Z" }] },
      ["data", "embeds", "0", "timestamp"],
    ],
    [
      "a thumbnail without url",
      { embeds: [{ title: "t", thumbnail: {} }] },
      ["data", "embeds", "0", "thumbnail", "url"],
    ],
    [
      "a thumbnail url that is no URL",
      { embeds: [{ title: "t", thumbnail: { url: "pic.png" } }] },
      ["data", "embeds", "0", "thumbnail", "url"],
    ],
    ["a negative color", { embeds: [{ title: "t", color: -1 }] }, ["data", "embeds", "0", "color"]],
    [
      "an author icon that is no URL",
      { embeds: [{ author: { name: "a", icon_url: "x" } }] },
      ["data", "embeds", "0", "author", "icon_url"],
    ],
  ])(
    "WHEN a reply has %s THEN it is refused with 400 Invalid Form Body (50035) naming the field",
    async (_what, data, path) => {
      const error = await refusal(reply(data));
      expect(error.status).toBe(400);
      expect(error.code).toBe(50035);
      let node = (error.rawError as { errors?: Record<string, unknown> }).errors;
      for (const key of path) node = node?.[key] as Record<string, unknown> | undefined;
      expect(node?._errors).toBeDefined();
    },
  );

  it("WHEN a reply may ping (no allowed_mentions) THEN it is refused, as Backstory's rule", async () => {
    const interaction = fake.track((c) => commandInteraction(c, "search", { query: "x" }));
    const error = await refusal(
      rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: "@everyone" } },
        auth: false,
      }),
    );
    expect(error.code).toBe(50035);
  });

  it("WHEN a link button, a thumbnail and a timestamp are well formed THEN they are accepted", async () => {
    await reply({
      embeds: [
        {
          title: "t",
          url: "https://a.example/x?y=1",
          timestamp: "2025-01-27T10:00:00.000Z",
          thumbnail: { url: "https://a.example/p.png" },
        },
      ],
      components: [
        { type: 1, components: [{ type: 2, style: 5, label: "Read", url: "https://a.example/" }] },
      ],
    });
    expect(fake.rejections).toEqual([]);
  });

  it("WHEN an edit would leave the message empty THEN it is refused with 50006, and the message is unchanged", async () => {
    const interaction = fake.track((c) => commandInteraction(c, "search", { query: "x" }));
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: { type: 4, data: { content: "hi", allowed_mentions: NO_MENTIONS } },
      auth: false,
    });
    const route = Routes.webhookMessage(fake.applicationId, interaction.token, "@original");
    const error = await refusal(
      rest.patch(route, { body: { content: "", allowed_mentions: NO_MENTIONS }, auth: false }),
    );
    expect(error.code).toBe(50006);
    expect(fake.message(interaction.originalMessageId ?? "")?.content).toBe("hi");
  });

  it("WHEN an edit brings the embeds over 6,000 characters THEN it is refused with 50035", async () => {
    const interaction = fake.track((c) => commandInteraction(c, "search", { query: "x" }));
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: { type: 5 },
      auth: false,
    });
    const route = Routes.webhookMessage(fake.applicationId, interaction.token, "@original");
    const embeds = [{ description: "d".repeat(4000) }, { description: "d".repeat(2001) }];
    const error = await refusal(
      rest.patch(route, { body: { embeds, allowed_mentions: NO_MENTIONS }, auth: false }),
    );
    expect(error.code).toBe(50035);
  });

  it("WHEN a reply is empty THEN it is refused with 50006", async () => {
    expect((await refusal(reply({}))).code).toBe(50006);
  });

  it("WHEN the first response comes after the deadline THEN the interaction is unknown (10062)", async () => {
    const interaction = fake.track((c) => commandInteraction(c, "search", { query: "x" }));
    (interaction as { createdAt: number }).createdAt -= 1500;
    const error = await refusal(
      rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 5 },
        auth: false,
      }),
    );
    expect(error.code).toBe(10062);
  });

  it("WHEN an interaction is answered twice THEN the second is refused (40060)", async () => {
    const interaction = fake.track((c) => commandInteraction(c, "search", { query: "x" }));
    const route = Routes.interactionCallback(interaction.id, interaction.token);
    await rest.post(route, { body: { type: 5 }, auth: false });
    expect((await refusal(rest.post(route, { body: { type: 5 }, auth: false }))).code).toBe(40060);
  });

  it("WHEN a response is asked for (with_response=true) THEN the created message comes back", async () => {
    const interaction = fake.track((c) => commandInteraction(c, "search", { query: "x" }));
    const response = (await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: { type: 4, data: { content: "hi", allowed_mentions: NO_MENTIONS } },
      auth: false,
      query: new URLSearchParams({ with_response: "true" }),
    })) as { resource: { message: { content: string } } };
    expect(response.resource.message.content).toBe("hi");
  });
});

import { MessageFlags } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeButtonState } from "../../../src/adapters/discord/button-state.js";
import { escapeMarkdown, fitMarkdown } from "../../../src/adapters/discord/markdown.js";
import { renderDiscordAnswer } from "../../../src/adapters/discord/render-answer.js";
import type { Answer, Item } from "../../../src/core/answer.js";
import { PAGE_SIZE } from "../../../src/present/answer-view.js";
import type { Asker } from "../../../src/service/asker.js";
import { expectWithinDiscordLimits, unescapeMarkdown } from "../../fakes/discord/expect-limits.js";
import { manyItemsAnswer } from "../../helpers/askers.js";
import { seedAsker } from "../../helpers/seed-engine.js";

let asker: Asker;
beforeAll(async () => {
  asker = await seedAsker();
});

const ask = (command: string, args: Record<string, string> = {}) =>
  asker.ask({ command, args, platform: "discord" });

function firstEmbed(message: ReturnType<typeof renderDiscordAnswer>) {
  const embed = message.embeds[0];
  if (!embed) throw new Error("no embed");
  return embed;
}

function buttonIds(message: ReturnType<typeof renderDiscordAnswer>): string[] {
  return message.components.flatMap((row) => row.components.map((b) => b.custom_id));
}

const item = (text: string, extra: Partial<Item> = {}): Item => ({
  text,
  citation: { docId: "d1", title: "US and Colombia clash", paragraph: 3, published: "2025-01-27" },
  ...extra,
});

describe("GIVEN answers from the seed corpus", () => {
  it("WHEN /quote petro is rendered THEN the title echoes the speaker and every item leads with him", async () => {
    const message = renderDiscordAnswer(await ask("quote", { speaker: "petro" }), {
      args: { speaker: "petro" },
    });
    const embed = firstEmbed(message);
    expect(embed.title).toBe("Quotes: Gustavo Petro");
    expect(embed.fields?.length).toBeGreaterThan(0);
    for (const field of embed.fields ?? []) {
      expect(field.name).toMatch(/^\d+\. Gustavo Petro$/u);
      expect(field.value).toMatch(/\n— .+ · ¶\d+ · \d{4}-\d{2}-\d{2}$/u);
    }
    expectWithinDiscordLimits(message);
  });

  it("WHEN a timeline item is rendered THEN its field name spells the date, then the words it was read from", () => {
    const answer: Answer = {
      command: "timeline",
      query: "",
      title: "Timeline",
      items: [item("Flights were halted.", { date: "2025-01-26", dateText: "Sunday", lead: "date" })],
    };
    expect(firstEmbed(renderDiscordAnswer(answer)).fields?.[0]?.name).toBe("1. 2025-01-26 (Sunday)");
  });

  it("WHEN /search tariff is rendered THEN the matched words are bold", async () => {
    const embed = firstEmbed(
      renderDiscordAnswer(await ask("search", { query: "tariff" }), { args: { query: "tariff" } }),
    );
    expect(embed.title).toBe("Search: tariff");
    expect(embed.fields?.length).toBeGreaterThan(0);
    expect(embed.fields?.every((f) => f.value.includes("**tariff**"))).toBe(true);
  });

  it("WHEN any answer is rendered THEN the footer says what was asked, how many sources and which page", async () => {
    const answer = await ask("quote", { speaker: "petro" });
    const documents = new Set(answer.items.map((i) => i.citation.docId)).size;
    const embed = firstEmbed(renderDiscordAnswer(answer, { args: { speaker: "petro" } }));
    expect(embed.footer?.text).toBe(`/quote speaker:"petro" · ${documents} sources · page 1/1`);
  });

  it("WHEN /help is rendered THEN its description lists every command, shown verbatim", async () => {
    const answer = await ask("help");
    const embed = firstEmbed(renderDiscordAnswer(answer, { args: {} }));
    expect(unescapeMarkdown(embed.description ?? "")).toBe(answer.notice);
    for (const name of ["timeline", "quote", "why", "search", "who", "sources", "help"]) {
      expect(embed.description).toContain(`/${name}`);
    }
  });
});

describe("GIVEN visibility", () => {
  const answer: Answer = {
    command: "search",
    query: "visa",
    title: "Search: visa",
    items: [item("A visa.")],
  };

  it("WHEN the answer is private THEN it is ephemeral and carries a Post to channel button", () => {
    const message = renderDiscordAnswer(answer, { args: { query: "visa" }, visibility: "private" });
    expect(message.flags).toBe(MessageFlags.Ephemeral);
    const post = message.components[0]?.components.find((b) => b.label === "Post to channel");
    expect(post && decodeButtonState(post.custom_id)).toEqual({
      action: "post",
      command: "search",
      page: 0,
      args: { query: "visa" },
    });
  });

  it("WHEN the answer is public and fits one page THEN it has no flags and no buttons", () => {
    const message = renderDiscordAnswer(answer, { args: { query: "visa" } });
    expect(message.flags).toBeUndefined();
    expect(message.components).toEqual([]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("GIVEN a long answer", () => {
  const answer = manyItemsAnswer({ command: "search", args: { query: "flights" }, platform: "discord" }, 12);

  it("WHEN page 2 is rendered THEN it shows items 6 to 10 and says page 2/3", () => {
    const embed = firstEmbed(renderDiscordAnswer(answer, { args: { query: "flights" }, page: 1 }));
    expect(embed.fields?.map((f) => f.name)).toEqual(["6.", "7.", "8.", "9.", "10."]);
    expect(embed.footer?.text).toBe(`/search query:"flights" · 5 sources · page 2/3`);
  });

  it("WHEN the first page is rendered THEN Previous is disabled and Next points to page 2", () => {
    const message = renderDiscordAnswer(answer, { args: { query: "flights" } });
    const [previous, next] = message.components[0]?.components ?? [];
    expect(previous?.disabled).toBe(true);
    expect(next?.disabled).toBe(false);
    expect(next && decodeButtonState(next.custom_id)?.page).toBe(1);
  });

  it("WHEN a page past the end is asked THEN the last page is shown", () => {
    const embed = firstEmbed(renderDiscordAnswer(answer, { args: { query: "flights" }, page: 99 }));
    expect(embed.footer?.text).toMatch(/page 3\/3$/u);
    expect(embed.fields).toHaveLength(12 - 2 * PAGE_SIZE);
  });

  it("WHEN the query is too long for a custom_id THEN the buttons leave it to the footer", () => {
    const query = "deportation flights ".repeat(8).trim();
    const message = renderDiscordAnswer(answer, { args: { query } });
    for (const id of buttonIds(message)) {
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeButtonState(id)?.args).toBeUndefined();
    }
    expect(firstEmbed(message).footer?.text.startsWith(`/search query:${JSON.stringify(query)} · `)).toBe(
      true,
    );
  });
});

describe("GIVEN excerpts longer than a field", () => {
  const long = `${"Petro said the flights would stop at once and for good. ".repeat(40)}The end.`;

  it("WHEN rendered THEN the excerpt is cut at a word boundary with an ellipsis and the citation is whole", () => {
    const answer: Answer = { command: "search", query: "x", title: "Search: x", items: [item(long)] };
    const value = firstEmbed(renderDiscordAnswer(answer, { args: { query: "x" } })).fields?.[0]?.value ?? "";
    expect(value.length).toBeLessThanOrEqual(1024);
    const [excerpt, citation] = value.split("\n");
    expect(excerpt).toMatch(/[a-z.]…$/u);
    expect(long.startsWith(excerpt?.slice(0, -1) ?? "-")).toBe(true);
    expect(long[(excerpt?.length ?? 1) - 1]).toMatch(/\s/u);
    expect(citation).toBe("— US and Colombia clash · ¶3 · 2025-01-27");
  });

  it("WHEN the article has a URL THEN the citation is a link to it", () => {
    const citation = {
      docId: "d",
      title: "Title (with [brackets])",
      paragraph: 2,
      url: "https://news.example/a(b)",
    };
    const answer: Answer = {
      command: "search",
      query: "x",
      title: "x",
      items: [item("Text.", { citation })],
    };
    const value = firstEmbed(renderDiscordAnswer(answer, { args: { query: "x" } })).fields?.[0]?.value;
    expect(value).toBe("Text.\n— [Title (with \\[brackets\\]) · ¶2](https://news.example/a%28b%29)");
  });
});

describe("GIVEN text that looks like markdown or mentions", () => {
  it("WHEN the query is echoed in the title THEN it shows verbatim and formats nothing", () => {
    const query = "**bold** _it_ ~~x~~ ||spoiler|| `code` [link](https://x.example) <@123> @everyone";
    const answer: Answer = {
      command: "search",
      query,
      title: `Search: ${query}`,
      items: [],
      notice: "Nothing.",
    };
    const title = firstEmbed(renderDiscordAnswer(answer, { args: { query } })).title ?? "";
    expect(unescapeMarkdown(title)).toBe(`Search: ${query}`);
    expect(title).not.toMatch(/(?<!\\)[*_~|`[<]/u);
  });

  it("WHEN a line starts like a heading, a quote or a list THEN it is escaped", () => {
    expect(escapeMarkdown("# Title\n> quote\n- item\n1. first\n-# small")).toBe(
      "\\# Title\n\\> quote\n\\- item\n1\\. first\n\\-# small",
    );
  });

  it("WHEN escaped text must be cut THEN no escape is split and the result fits", () => {
    const text = "*".repeat(50);
    const cut = fitMarkdown(text, 21);
    expect(cut.length).toBeLessThanOrEqual(21);
    expect(cut).toBe(`${"\\*".repeat(10)}…`);
  });
});

describe("GIVEN an empty answer", () => {
  it("WHEN rendered THEN the notice explains it and no item field is shown", () => {
    const answer: Answer = {
      command: "quote",
      query: "nobody",
      title: "Quotes: nobody",
      items: [],
      notice: "No one called “nobody” is quoted in the 2 articles.",
    };
    const message = renderDiscordAnswer(answer, { args: { speaker: "nobody" } });
    expect(firstEmbed(message).description).toBe(answer.notice);
    expect(firstEmbed(message).fields).toBeUndefined();
    expect(firstEmbed(message).footer?.text).toBe('/quote speaker:"nobody"');
    expectWithinDiscordLimits(message);
  });
});

import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { ACTION_IDS, decodePagingState } from "../../../src/adapters/slack/paging.js";
import { renderSlackAnswer } from "../../../src/adapters/slack/render-blocks.js";
import type { Answer, Citation, Item } from "../../../src/core/answer.js";
import { allText, blockKitProblems } from "../../helpers/block-kit-check.js";
import { seedAsker } from "../../helpers/seed-engine.js";

const citation: Citation = {
  docId: "a1",
  title: "US and Colombia clash",
  paragraph: 3,
  published: "2025-01-27",
  source: "Wire",
  url: "https://news.example/colombia?id=1&lang=en",
};

function answer(command: string, items: Item[], extra: Partial<Answer> = {}): Answer {
  return { command, query: "visa", title: `${command}: visa`, items, ...extra };
}

function sections(blocks: types.KnownBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
}

function buttons(blocks: types.KnownBlock[]): types.Button[] {
  return blocks.flatMap((b) =>
    b.type === "actions" ? b.elements.filter((e): e is types.Button => e.type === "button") : [],
  );
}

describe("renderSlackAnswer", () => {
  it("GIVEN a timeline THEN the header echoes the question and each item leads with its date", () => {
    const message = renderSlackAnswer(
      answer("timeline", [
        { text: "Flights were halted.", date: "2025-01-26", dateText: "Sunday", lead: "date", citation },
      ]),
    );
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "timeline: visa", emoji: true },
    });
    expect(sections(message.blocks)).toEqual(["*2025-01-26* (Sunday) — Flights were halted."]);
  });

  it("GIVEN quotes THEN each item leads with its speaker", () => {
    const message = renderSlackAnswer(
      answer("quote", [
        { text: "“We will not,” Petro said.", speaker: "Gustavo Petro", lead: "speaker", citation },
      ]),
    );
    expect(sections(message.blocks)).toEqual(["*Gustavo Petro* — “We will not,” Petro said."]);
  });

  it("GIVEN a citation with a link THEN the context links the title and shows ¶, date and source", () => {
    const message = renderSlackAnswer(answer("why", [{ text: "Because.", citation }]));
    const context = message.blocks.find((b) => b.type === "context");
    expect(context).toEqual({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: "<https://news.example/colombia?id=1&amp;lang=en|US and Colombia clash> · ¶3 · 2025-01-27 · Wire",
          verbatim: true,
        },
      ],
    });
  });

  it("GIVEN a citation whose link is not http(s) THEN the title is not linked", () => {
    const message = renderSlackAnswer(
      answer("why", [{ text: "Because.", citation: { ...citation, url: "javascript:alert(1)" } }]),
    );
    expect(allText(message)).not.toContain("javascript");
    expect(allText(message)).toContain("US and Colombia clash · ¶3");
  });

  it("GIVEN search marks THEN the matched words are bold, and marks inside words are left plain", () => {
    const text = "The visa was revoked; visas pending.";
    const message = renderSlackAnswer(
      answer("search", [
        {
          text,
          marks: [
            { start: 4, end: 8 },
            { start: 22, end: 26 },
          ],
          citation,
        },
      ]),
    );
    expect(sections(message.blocks)).toEqual(["The *visa* was revoked; visas pending."]);
  });

  it("GIVEN hostile corpus and query text THEN nothing can ping, mention or link", () => {
    const message = renderSlackAnswer(
      answer(
        "quote",
        [{ text: "<!channel> <!here> <@U123> & <https://evil.example|x>", speaker: "<!everyone>", citation }],
        { title: "Quotes: <!here> & co", notice: "<@U999> said so" },
      ),
      { args: { speaker: "<!here>" }, visibility: "private" },
    );
    expect(blockKitProblems(message)).toEqual([]);
    expect(allText(message)).toContain("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp;");
    expect(message.text).not.toMatch(/<[!@]/u);
  });

  it("GIVEN an answer with a notice and no items THEN the notice is shown", () => {
    const message = renderSlackAnswer(answer("why", [], { notice: "Nothing explains “x”. Try /search x." }));
    expect(sections(message.blocks)).toEqual(["Nothing explains “x”. Try /search x."]);
  });

  it("GIVEN many items THEN one page is shown with Next, and the page is said", () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ text: `Item ${i + 1}.`, citation }));
    const origin = { command: "search", args: { query: "visa" } };
    const first = renderSlackAnswer(answer("search", items), { args: origin.args, visibility: "public" });
    expect(sections(first.blocks)).toEqual(["Item 1.", "Item 2.", "Item 3.", "Item 4.", "Item 5."]);
    expect(allText(first)).toContain("Page 1 of 3 · 12 excerpts");
    expect(buttons(first.blocks).map((b) => b.action_id)).toEqual([ACTION_IDS.next]);
    expect(decodePagingState(buttons(first.blocks)[0]?.value)).toEqual({
      ...origin,
      page: 1,
      visibility: "public",
    });

    const last = renderSlackAnswer(answer("search", items), {
      args: origin.args,
      visibility: "public",
      page: 99,
    });
    expect(sections(last.blocks)).toEqual(["Item 11.", "Item 12."]);
    expect(buttons(last.blocks).map((b) => b.action_id)).toEqual([ACTION_IDS.previous]);
  });

  it("GIVEN a private answer THEN it offers Share in channel; a public one does not", () => {
    const origin = { command: "why", args: { topic: "visa" } };
    const items = [{ text: "Because.", citation }];
    const privately = renderSlackAnswer(answer("why", items), { args: origin.args, visibility: "private" });
    expect(buttons(privately.blocks).map((b) => [b.action_id, b.text.text, b.style])).toEqual([
      [ACTION_IDS.share, "Share in channel", "primary"],
    ]);
    expect(
      buttons(renderSlackAnswer(answer("why", items), { args: origin.args, visibility: "public" }).blocks),
    ).toEqual([]);
  });

  it("GIVEN a shared answer THEN it says who shared it, and its page buttons remember it", () => {
    const items = Array.from({ length: 6 }, () => ({ text: "Because.", citation }));
    const message = renderSlackAnswer(answer("why", items), {
      args: { topic: "visa" },
      visibility: "public",
      sharedBy: "U0ANA",
    });
    expect(allText(message)).toContain("Shared by <@U0ANA>");
    expect(decodePagingState(buttons(message.blocks)[0]?.value)?.sharedBy).toBe("U0ANA");
    expect(blockKitProblems(message, "<@U0ANA>")).toEqual([]);
  });

  it("GIVEN a question too long for a button value THEN no buttons, and the footer says why", () => {
    const items = Array.from({ length: 8 }, () => ({ text: "Because.", citation }));
    const message = renderSlackAnswer(answer("search", items), {
      args: { query: "visa ".repeat(400) },
      visibility: "private",
    });
    expect(buttons(message.blocks)).toEqual([]);
    expect(allText(message)).toContain("ask a narrower question");
  });

  it("GIVEN every command over the seed corpus THEN each message is within Block Kit limits", async () => {
    const asker = await seedAsker();
    const asks = [
      { command: "timeline", args: {} },
      { command: "quote", args: { speaker: "petro" } },
      { command: "why", args: { topic: "visa" } },
      { command: "search", args: { query: "tariff" } },
      { command: "who", args: { name: "petro" } },
      { command: "sources", args: {} },
      { command: "help", args: {} },
    ];
    for (const { command, args } of asks) {
      const result = await asker.ask({ command, args, platform: "slack" });
      for (const page of [0, 1, 2, 3, 4]) {
        const message = renderSlackAnswer(result, { args, page, visibility: "private" });
        expect(blockKitProblems(message), `${command} page ${page}`).toEqual([]);
      }
    }
  });
});

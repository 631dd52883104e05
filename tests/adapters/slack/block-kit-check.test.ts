import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import type { SlackMessage } from "../../../src/adapters/slack/render-blocks.js";
import { blockKitProblems } from "../../helpers/block-kit-check.js";

// The checker is what every Slack render test trusts: each rule is shown to catch
// the message it is about, starting from one it accepts.

const citationLink = "<https://news.example/a?x=1&amp;y=2|US and Colombia clash> · ¶3 · 2025-01-27";

function message(extra: { blocks?: types.KnownBlock[]; text?: string } = {}): SlackMessage {
  return {
    text: extra.text ?? "Why: visa",
    blocks: extra.blocks ?? [
      { type: "header", text: { type: "plain_text", text: "Why: visa", emoji: true } },
      { type: "section", text: { type: "mrkdwn", text: "*2025* — The visa was revoked.", verbatim: true } },
      { type: "context", elements: [{ type: "mrkdwn", text: citationLink, verbatim: true }] },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: "backstory_share",
            text: { type: "plain_text", text: "Share in channel", emoji: true },
            value: "{}",
            style: "primary",
          },
        ],
      },
    ],
  };
}

const withBlock = (i: number, block: unknown): SlackMessage => {
  const m = message();
  m.blocks[i] = block as types.KnownBlock;
  return m;
};

const button = (fields: Record<string, unknown>) =>
  withBlock(3, {
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: "a",
        text: { type: "plain_text", text: "Next ›" },
        value: "{}",
        ...fields,
      },
    ],
  });

describe("the Block Kit checker", () => {
  it("GIVEN a message the bot would send THEN it finds nothing, and the cited link passes when named", () => {
    expect(blockKitProblems(message())).toEqual([]);
    expect(blockKitProblems(message(), { links: ["https://news.example/a?x=1&y=2"] })).toEqual([]);
  });

  it("GIVEN a link the answer does not cite, in the citation's place THEN it fails when the cited links are named", () => {
    const m = withBlock(2, {
      type: "context",
      elements: [{ type: "mrkdwn", text: "<https://evil.example/|US and Colombia clash> · ¶3" }],
    });
    expect(blockKitProblems(m, { links: ["https://news.example/a?x=1&y=2"] })).toEqual([
      "block 2 element 0: links to https://evil.example/, which the answer does not cite",
    ]);
  });

  it("GIVEN a link injected into an excerpt, a header or after a citation's start THEN it fails", () => {
    const inSection = withBlock(1, {
      type: "section",
      text: { type: "mrkdwn", text: "Read <https://evil.example|this> now" },
    });
    const inHeader = withBlock(0, {
      type: "header",
      text: { type: "plain_text", text: "<https://e.example|x>" },
    });
    const second = withBlock(2, {
      type: "context",
      elements: [{ type: "mrkdwn", text: `${citationLink} <https://evil.example|more>` }],
    });
    for (const m of [inSection, inHeader, second]) expect(blockKitProblems(m).join()).toMatch(/unescaped </u);
  });

  it("GIVEN a mention other than the one allowed, or an unescaped & THEN it fails", () => {
    const m = withBlock(1, { type: "section", text: { type: "mrkdwn", text: "<@U0ANA> & <!here>" } });
    const problems = blockKitProblems(m, { mention: "<@U0ANA>" });
    expect(problems.join()).toMatch(/unescaped < or >/u);
    expect(problems.join()).toMatch(/unescaped &/u);
  });

  it("GIVEN duplicate block_ids THEN it fails", () => {
    const m = message();
    m.blocks[1] = { ...m.blocks[1], block_id: "same" } as types.KnownBlock;
    m.blocks[2] = { ...m.blocks[2], block_id: "same" } as types.KnownBlock;
    expect(blockKitProblems(m)).toContain("duplicate block_id [json-pointer:/blocks/2/block_id]");
  });

  it("GIVEN a button whose text is mrkdwn THEN it fails", () => {
    expect(blockKitProblems(button({ text: { type: "mrkdwn", text: "*Next*" } }))).toContain(
      "must be a plain_text text object [json-pointer:/blocks/3/elements/0/text/type]",
    );
  });

  it("GIVEN a bogus button style THEN it fails", () => {
    expect(blockKitProblems(button({ style: "bogus" }))).toContain(
      "must be one of primary, danger [json-pointer:/blocks/3/elements/0/style]",
    );
  });

  it("GIVEN a 4,000-character button URL THEN it fails", () => {
    const url = `https://news.example/${"a".repeat(4000)}`;
    expect(blockKitProblems(button({ url }))).toContain(
      "must be less than 3001 characters [json-pointer:/blocks/3/elements/0/url]",
    );
  });

  it("GIVEN two buttons with one action_id THEN it fails", () => {
    const twice = {
      type: "actions",
      elements: [0, 1].map(() => ({
        type: "button",
        action_id: "a",
        text: { type: "plain_text", text: "x" },
      })),
    };
    expect(blockKitProblems(withBlock(3, twice)).join()).toMatch(/action_id/u);
  });

  it("GIVEN a header over 150 characters, a section over 3,000, 11 context elements or 51 blocks THEN each fails", () => {
    const header = withBlock(0, { type: "header", text: { type: "plain_text", text: "h".repeat(151) } });
    const section = withBlock(1, { type: "section", text: { type: "mrkdwn", text: "s".repeat(3001) } });
    const context = withBlock(2, {
      type: "context",
      elements: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "c" })),
    });
    const many = message({
      blocks: Array.from({ length: 51 }, () => ({ type: "section", text: { type: "mrkdwn", text: "x" } })),
    });
    expect(blockKitProblems(header)).toContain(
      "must be less than 151 characters [json-pointer:/blocks/0/text/text]",
    );
    expect(blockKitProblems(section)).toContain(
      "must be less than 3001 characters [json-pointer:/blocks/1/text/text]",
    );
    expect(blockKitProblems(context)).toContain(
      "must provide between 1 and 10 items [json-pointer:/blocks/2/elements]",
    );
    expect(blockKitProblems(many)).toContain("no more than 50 items allowed [json-pointer:/blocks]");
  });

  it("GIVEN a button value over 2,000 characters or a blank text THEN each fails", () => {
    expect(blockKitProblems(button({ value: "v".repeat(2001) }))).toContain(
      "must be less than 2001 characters [json-pointer:/blocks/3/elements/0/value]",
    );
    expect(blockKitProblems(message({ text: "  " }))).toContain("blank fallback text");
  });
});

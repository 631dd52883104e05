import { describe, expect, it } from "vitest";
import { decodeButtonState } from "../../src/adapters/discord/button-state.js";
import { renderDiscordAnswer } from "../../src/adapters/discord/render-answer.js";
import { decodeVoteButton } from "../../src/adapters/discord/vote-button.js";
import { ACTION_IDS, decodePagingState } from "../../src/adapters/slack/paging.js";
import { renderSlackAnswer } from "../../src/adapters/slack/render-blocks.js";
import { insightsKeys } from "../../src/service/insights/insights-keys.js";
import { expectWithinDiscordLimits } from "../fakes/discord/expect-limits.js";
import { manyItemsAnswer } from "../helpers/askers.js";
import { blockKitProblems } from "../helpers/block-kit-check.js";

const answerId = insightsKeys("s".repeat(40)).newAnswerId();
// The most buttons an answer gets: a private answer of several pages, with a long query.
const query = "deportation flights ".repeat(20).trim();
const answer = {
  ...manyItemsAnswer({ command: "search", args: { query }, platform: "discord" }, 12),
  args: { query },
  answerId,
};
const middle = { page: 1, visibility: "private" as const };

describe("GIVEN an answer with a stored id", () => {
  it("THEN Discord shows Previous, Next, Post, Helpful and Not helpful in one row of five, within every limit", () => {
    const message = renderDiscordAnswer(answer, middle);
    expectWithinDiscordLimits(message);
    expect(message.components).toHaveLength(1);
    const buttons = message.components[0]?.components ?? [];
    expect(buttons.map((b) => b.label)).toEqual([
      "◀ Previous",
      "Next ▶",
      "Post to channel",
      "👍 Helpful",
      "👎 Not helpful",
    ]);
    expect(buttons.every((b) => b.custom_id.length <= 100)).toBe(true);
    expect(decodeVoteButton(buttons[3]?.custom_id ?? "")).toEqual({ helpful: true, answerId });
    expect(decodeVoteButton(buttons[4]?.custom_id ?? "")).toEqual({ helpful: false, answerId });
    expect(decodeButtonState(buttons[3]?.custom_id ?? "")).toBeUndefined();
  });

  it("THEN Slack shows the vote buttons after paging and sharing, and its pages carry the id on", () => {
    const message = renderSlackAnswer(answer, middle);
    expect(blockKitProblems(message)).toEqual([]);
    const actions = message.blocks.filter((b) => b.type === "actions");
    const elements = actions.flatMap((b) => (b.type === "actions" ? b.elements : []));
    const ids = elements.map((e) => (e.type === "button" ? e.action_id : ""));
    expect(ids).toEqual([
      ACTION_IDS.previous,
      ACTION_IDS.next,
      ACTION_IDS.share,
      ACTION_IDS.helpful,
      ACTION_IDS.notHelpful,
    ]);
    const values = elements.map((e) => (e.type === "button" ? (e.value ?? "") : ""));
    expect(values.every((v) => v.length <= 2000)).toBe(true);
    expect(values.slice(3)).toEqual([answerId, answerId]);
    expect(decodePagingState(values[1])?.answerId).toBe(answerId);
  });

  it("THEN without an id (insights off) no vote button is shown", () => {
    const { answerId: _, ...plain } = answer;
    expect(JSON.stringify(renderDiscordAnswer(plain, middle))).not.toContain("bv1:");
    expect(JSON.stringify(renderSlackAnswer(plain, middle))).not.toContain("backstory_vote");
  });
});

import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/service/insights/report.js";
import { normalisedTopic } from "../../../src/service/insights/topic.js";
import type { QuestionWithVotes } from "../../../src/store/insights/records.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
let n = 0;
function q(
  command: string,
  args: QuestionWithVotes["args"],
  extra: Partial<QuestionWithVotes> = {},
): QuestionWithVotes {
  n++;
  return {
    id: `q${n}`,
    askedAt: T0 + DAY,
    platform: "discord",
    command,
    args,
    items: 3,
    latencyMs: 5,
    citations: [],
    helpful: 0,
    notHelpful: 0,
    ...extra,
  };
}

describe("the topic of a question", () => {
  it.each([
    [{ topic: "Petro's visa?" }, "petro visa"],
    [{ query: "visa  PETRO" }, "petro visa"],
    [{ speaker: "Gustavo Petró", about: "the tariffs" }, "gustavo petro tariffs"],
    [{ private: "true" }, ""],
  ])("%j is %j", (args, topic) => {
    expect(normalisedTopic(args)).toBe(topic);
  });
});

describe("GIVEN a week of questions", () => {
  const questions = [
    q("search", { query: "lithium mines" }, { items: 0 }),
    q("search", { query: "Lithium mines?" }, { items: 0, platform: "slack", askedAt: T0 + 2 * DAY }),
    q("why", { topic: "visa" }, { notHelpful: 2, helpful: 1 }),
    q("why", { topic: "visa" }, { helpful: 3 }),
    q("quote", { speaker: "Petro" }, { helpful: 1 }),
    q("quote", { speaker: "petro" }),
    q("who", { name: "Trump" }, { askedAt: T0 + 3 * DAY }),
  ];
  const report = buildReport(questions, { since: T0, until: T0 + 6 * DAY, nearest: (t) => [`near ${t}`] });

  it("THEN what found nothing or was voted down is grouped by topic, most frequent first, with what is nearest", () => {
    expect(report.unanswered).toEqual([
      expect.objectContaining({
        topic: "lithium mines",
        asked: 2,
        foundNothing: 2,
        votedDown: 0,
        nearest: ["near lithium mines"],
      }),
      expect.objectContaining({ topic: "visa", asked: 1, foundNothing: 0, votedDown: 1, commands: ["why"] }),
    ]);
  });

  it("THEN the most asked topics and speakers are counted across spellings", () => {
    expect(report.topTopics.slice(0, 3)).toEqual([
      { topic: "lithium mines", asked: 2 },
      { topic: "petro", asked: 2 },
      { topic: "visa", asked: 2 },
    ]);
    expect(report.topSpeakers).toEqual([
      { speaker: "petro", asked: 2 },
      { speaker: "trump", asked: 1 },
    ]);
  });

  it("THEN the helpful rate is per command and per platform, none without votes", () => {
    expect(report.helpfulByCommand.find((r) => r.name === "why")).toMatchObject({
      helpful: 4,
      notHelpful: 2,
    });
    expect(report.helpfulByCommand.find((r) => r.name === "why")?.rate).toBeCloseTo(4 / 6);
    expect(report.helpfulByCommand.find((r) => r.name === "search")?.rate).toBeNull();
    expect(report.helpfulByPlatform.map((r) => [r.name, r.questions])).toEqual([
      ["discord", 6],
      ["slack", 1],
    ]);
  });

  it("THEN the volume has every day of the window, empty ones at zero", () => {
    expect(report.volume.map((d) => d.questions)).toEqual([0, 5, 1, 1, 0, 0, 0]);
    expect(report.volume[0]?.day).toBe("2026-11-01");
  });
});

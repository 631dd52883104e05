import { describe, expect, it } from "vitest";
import { escapeSlackText, escapeWithin, slackTextToPlain } from "../../../src/adapters/slack/escape.js";

describe("escapeSlackText", () => {
  it("GIVEN Slack control sequences THEN none survives as markup", () => {
    expect(escapeSlackText("<!channel> <!here> <@U123> R&D")).toBe(
      "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; R&amp;D",
    );
  });

  it("GIVEN text already holding an entity THEN it is escaped again, so it shows as typed", () => {
    expect(escapeSlackText("&lt;")).toBe("&amp;lt;");
  });
});

describe("escapeWithin", () => {
  it("GIVEN short text THEN it is only escaped", () => {
    expect(escapeWithin("a < b", 100)).toBe("a &lt; b");
  });

  it("GIVEN text that escaping makes five times longer THEN the result still fits and is not empty", () => {
    const out = escapeWithin("&".repeat(1000), 150);
    expect(out.length).toBeLessThanOrEqual(150);
    expect(out.length).toBeGreaterThan(100);
    expect(out.endsWith("…")).toBe(true);
  });

  it("GIVEN a cut near an entity THEN no entity is split", () => {
    for (let max = 1; max < 40; max++) {
      const out = escapeWithin("a&b<c>d ".repeat(10), max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.replace(/&(amp|lt|gt);/gu, "")).not.toMatch(/[&<>]/u);
    }
  });

  it("GIVEN emoji at the cut THEN no surrogate pair is split", () => {
    const out = escapeWithin("😀".repeat(100), 51);
    expect(out).toMatch(/^(😀)+…$/u);
  });
});

describe("slackTextToPlain", () => {
  it("GIVEN Slack's escaped message text THEN it becomes what the user typed", () => {
    expect(slackTextToPlain("R&amp;D &lt;tag&gt; &amp;lt;")).toBe("R&D <tag> &lt;");
  });

  it("GIVEN mentions, channels and links THEN their labels are kept and bare ids dropped", () => {
    expect(
      slackTextToPlain("<@U1|ana> in <#C1|news> see <https://x.example|the story> <https://y.example> <@U2>"),
    ).toBe("@ana in #news see the story https://y.example ");
  });
});

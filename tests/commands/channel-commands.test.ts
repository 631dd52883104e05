import { describe, expect, it } from "vitest";
import { answerChecked, resolveInvocation } from "../../commands/dispatch.js";
import { seedEngine } from "../helpers/seed-engine.js";

describe("the channel commands outside a channel", () => {
  it.each([
    ["follow", { topic: "petro" }],
    ["unfollow", { topic: "petro" }],
    ["following", {}],
    ["add", { url: "https://example.com/a" }],
  ])(
    "GIVEN /%s from the CLI or the playground THEN it says where it works and changes nothing",
    async (name, args) => {
      const { command, args: checked } = resolveInvocation({ command: name, args, platform: "cli" });
      const answer = answerChecked(command, checked, { engine: await seedEngine() });
      expect(answer.items).toEqual([]);
      expect(answer.notice).toBe(
        `/${name} works in a Discord or Slack channel where Backstory runs with a database.`,
      );
    },
  );

  it("GIVEN /follow without a topic THEN the option is required", () => {
    expect(() => resolveInvocation({ command: "follow", args: {}, platform: "slack" })).toThrow(/topic/u);
  });
});

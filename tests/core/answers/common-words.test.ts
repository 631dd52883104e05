import { describe, expect, it } from "vitest";
import { ask } from "../../helpers/ask.js";

describe("a question made only of words too common to search for", () => {
  it.each(["/search said", "/search the", "/why said the"])(
    "GIVEN %s THEN no items and a notice saying to add what it is about",
    async (command) => {
      const answer = await ask(command);
      expect(answer.items).toEqual([]);
      expect(answer.notice).toMatch(/only words too common to search for .*add what it is about/u);
    },
  );

  it("GIVEN a common word with a topic THEN the topic is searched as usual", async () => {
    const answer = await ask("/search said visa");
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.notice ?? "").not.toMatch(/too common/u);
  });

  it("GIVEN a word no article has THEN the usual nothing-found notice, not the common-words one", async () => {
    expect((await ask("/search xylophone")).notice).toMatch(/Nothing in the 2 articles matches/u);
  });
});

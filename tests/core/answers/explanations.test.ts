import { describe, expect, it } from "vitest";
import { answerWhy } from "../../../commands/why.js";
import { engineFor } from "../../helpers/article-engine.js";

describe("/why brings the cause a neighbouring sentence states", () => {
  it("shows the next sentence's cause right after its effect, explaining it", async () => {
    const engine = await engineFor({
      published: "2024-05-02",
      text: [
        "The mayor of Lindby closed the old river bridge to all traffic on Monday. Her decision came in response to cracks found in two of its pillars.",
        "Ferry operators said demand had doubled.",
        "Lorries were diverted through the old river bridge district for years.",
      ].join("\n\n"),
    });
    const answer = answerWhy(engine, "closed bridge");
    const [effect, cause] = answer.items;
    expect(effect?.text).toMatch(/^The mayor of Lindby closed/);
    expect(cause?.text).toMatch(/^Her decision came in response to cracks/);
    expect(cause?.explains).toEqual(effect?.citation);
  });

  it("brings the sentence before when the effect points back at it", async () => {
    const engine = await engineFor({
      published: "2024-05-02",
      text: "Talks on the wage deal collapsed late on Friday. As a result, dockers blocked the port of Vessa.",
    });
    const answer = answerWhy(engine, "blocked port");
    expect(answer.items[0]?.text).toMatch(/^As a result, dockers blocked/);
    expect(answer.items[1]).toMatchObject({
      text: expect.stringMatching(/^Talks on the wage deal collapsed/),
    });
    expect(answer.items[1]?.explains).toEqual(answer.items[0]?.citation);
  });

  it("adds nothing when the next sentence only goes on with the story", async () => {
    const engine = await engineFor({
      published: "2024-05-02",
      text: "The mayor closed the bridge because of cracks. The decision was announced on Monday.",
    });
    const answer = answerWhy(engine, "closed bridge");
    expect(answer.items.some((i) => i.explains !== undefined)).toBe(false);
  });
});

describe("/why shows a sentence a repeated story gives twice once", () => {
  it("cites the second copy under the first instead of showing it again", async () => {
    const story = {
      published: "1987-04-01",
      title: "DOCKS CLOSED",
      text: "Dockers blocked the port of Vessa because talks on the wage deal collapsed.",
    };
    const engine = await engineFor({ ...story, id: "wire-1" }, { ...story, id: "wire-2" });
    const answer = answerWhy(engine, "blocked port");
    expect(answer.items).toHaveLength(1);
    expect(answer.items[0]?.alsoIn).toHaveLength(1);
    expect(answer.items[0]?.alsoIn?.[0]).not.toEqual(answer.items[0]?.citation);
  });
});

import { describe, expect, it } from "vitest";
import { answerTimeline } from "../../../commands/timeline.js";
import { engineFor } from "../../helpers/article-engine.js";

describe("/timeline <person> follows the sentences that speak of her as 'she'", () => {
  it("includes them, dated from their context and marked inferred", async () => {
    const engine = await engineFor({
      published: "2023-05-18",
      text: [
        "Clinic opens in Harlow.",
        "On May 3, Ana Ruiz opened the new clinic in Harlow. She thanked the donors.",
        "She later toured the wards. The council will review the budget.",
      ].join("\n\n"),
    });
    const answer = answerTimeline(engine, "Ana Ruiz");
    const lines = answer.items.map((i) => [i.text, i.date, i.dateInferred === true]);
    expect(lines).toContainEqual(["She thanked the donors.", "2023-05-03", true]);
    expect(lines).toContainEqual(["She later toured the wards.", "2023-05", true]);
    expect(answer.items.some((i) => i.text.startsWith("The council will"))).toBe(false);
  });
});

describe("/timeline <word> when the word is also the name of an entity", () => {
  it("follows pronouns only from the sentences that name the entity, not from every use of the word", async () => {
    const engine = await engineFor({
      published: "2023-05-18",
      text: [
        "Reform group meets in Harlow.",
        "On May 2, the party Change met the mayor. It asked for a new bus route.",
        "On May 3, a change of plan surprised the council. It delayed the vote.",
      ].join("\n\n"),
    });
    const texts = answerTimeline(engine, "change").items.map((i) => i.text);
    expect(texts).toContain("It asked for a new bus route.");
    expect(texts).not.toContain("It delayed the vote.");
  });
});

describe("/timeline <person> follows the entities analyzer's resolution of pronouns and descriptions", () => {
  it("takes 'she' past a sentence about a man, and 'the senator' for the senator", async () => {
    const engine = await engineFor({
      published: "2023-05-18",
      text: [
        "Clinic opens in Harlow.",
        "On May 3, Senator Ana Ruiz opened the new clinic in Harlow. Mayor Tom Bell arrived late.",
        "She thanked the donors. The senator later toured the wards.",
      ].join("\n\n"),
    });
    const texts = answerTimeline(engine, "Ana Ruiz").items.map((i) => i.text);
    expect(texts).toContain("She thanked the donors.");
    expect(texts).toContain("The senator later toured the wards.");
    expect(texts).not.toContain("Mayor Tom Bell arrived late.");
  });

  it("does not take a pronoun that disagrees with the person", async () => {
    const engine = await engineFor({
      published: "2023-05-18",
      text: [
        "Clinic opens in Harlow.",
        "On May 3, Ana Ruiz opened the new clinic in Harlow. He thanked the donors.",
      ].join("\n\n"),
    });
    const texts = answerTimeline(engine, "Ana Ruiz").items.map((i) => i.text);
    expect(texts).not.toContain("He thanked the donors.");
  });
});

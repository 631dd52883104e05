import { describe, expect, it } from "vitest";
import { EntityIndex } from "../../../../src/core/analyzers/entities/entity-index.js";
import { sentenceReferents } from "../../../../src/core/analyzers/entities/referents.js";
import { passageText } from "../../../../src/core/index/passages.js";
import { engineFor } from "../../../helpers/article-engine.js";

/** Each sentence of an article as `sentence → entity (via)`, or `→ ?` when it has no referent. */
async function referentsOf(text: string): Promise<string[]> {
  const engine = await engineFor({ text });
  const { mentions } = EntityIndex.build(engine.passages.all);
  const referents = sentenceReferents(engine.passages.all, mentions);
  return engine.passages.all.map((p) => {
    const r = referents.get(p.id);
    return `${passageText(p)} → ${r ? `${r.entity.name} (${r.via})` : "?"}`;
  });
}

describe("which entity a sentence is about", () => {
  it("GIVEN a man and a woman named WHEN “she” opens a sentence THEN it is the woman, not the last subject", async () => {
    const lines = await referentsOf(
      "Governor Maria Lopez welcomed Mayor Tom Reed on Friday. Mr. Reed said the talks went well. She disagreed with him.",
    );
    expect(lines[2]).toBe("She disagreed with him. → Maria Lopez (pronoun)");
  });

  it("GIVEN a person only mentioned WHEN “he” follows THEN it goes to the subject, not to the person mentioned", async () => {
    const lines = await referentsOf(
      "Senator Paul Okafor criticized the plan drafted by Victor Hale. He wants a vote next week.",
    );
    expect(lines[1]).toBe("He wants a vote next week. → Paul Okafor (pronoun)");
  });

  it("GIVEN only men as earlier subjects WHEN “she” follows THEN nothing is claimed", async () => {
    const lines = await referentsOf(
      "Mayor Tom Reed said the vote was close. Paul Okafor declined to comment. She left.",
    );
    expect(lines[2]).toBe("She left. → ?");
  });

  it("resolves a definite description to the person described so before", async () => {
    const lines = await referentsOf(
      "Ohio Governor Ann Brody signed the bill. Critics were quick to respond. The governor defended it on Monday.",
    );
    expect(lines[2]).toBe("The governor defended it on Monday. → Ann Brody (description)");
  });

  it("leaves names inside quotation marks out of the subject", async () => {
    const lines = await referentsOf("Mayor Tom Reed spoke. “Senator Okafor is wrong,” the mayor said.");
    expect(lines[1]).toBe("“Senator Okafor is wrong,” the mayor said. → Tom Reed (description)");
  });
});

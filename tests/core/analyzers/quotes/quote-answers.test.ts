import { describe, expect, it } from "vitest";
import { answerQuote } from "../../../../commands/quote.js";
import { engineFor } from "../../../helpers/article-engine.js";

describe("/quote over several articles", () => {
  it("GIVEN the same quotation in two articles WHEN asked THEN one item cites both", async () => {
    const wire = "“We will rebuild every school in the valley,” Governor Ada Quist said on Monday.";
    const engine = await engineFor(
      { id: "wire", title: "Floods", text: wire },
      { id: "update", title: "Floods, updated", text: `The water receded. ${wire}` },
    );
    const answer = answerQuote(engine, "quist");
    expect(answer.items).toHaveLength(1);
    expect(answer.items[0]?.citation.docId).toBe("wire");
    expect(answer.items[0]?.alsoIn?.map((c) => c.docId)).toEqual(["update"]);
  });

  it("GIVEN two Bakers in different articles WHEN asked for “baker” THEN each keeps his own quotes and both complete", async () => {
    const engine = await engineFor(
      { id: "a", text: "White House Chief of Staff Howard Baker met the press. “No deal yet,” Baker said." },
      { id: "b", text: "Treasury Secretary James Baker spoke in Paris. “The dollar is stable,” Baker said." },
    );
    const answer = answerQuote(engine, "baker");
    expect(answer.items.map((i) => `${i.speaker}: ${i.quote}`)).toEqual([
      "Howard Baker: No deal yet,",
      "James Baker: The dollar is stable,",
    ]);
    expect(engine.complete("speakers", "bak").sort()).toEqual(["Howard Baker", "James Baker"]);
  });
});

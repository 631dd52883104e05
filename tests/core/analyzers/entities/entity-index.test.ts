import { describe, expect, it } from "vitest";
import { engineFor } from "../../../helpers/article-engine.js";

describe("entities", () => {
  it("split the title from the name and keep the description as written", async () => {
    const engine = await engineFor({
      text: "Finnish Prime Minister Aino Virtanen opened the bridge. Crowds cheered as Virtanen cut the ribbon.",
    });
    const entity = engine.entities.get("Aino Virtanen");
    expect(entity?.kind).toBe("person");
    expect([...(entity?.descriptions.keys() ?? [])]).toEqual(["Finnish Prime Minister Aino Virtanen"]);
  });

  it("join a surname used alone to the full name used in the same article", async () => {
    const engine = await engineFor({
      text: "Senator Maria Lopez proposed the law. Lopez said it would pass. Critics doubted Lopez.",
    });
    expect(engine.entities.get("Lopez")).toBeUndefined();
    expect(engine.entities.get("Maria Lopez")?.passageIds).toHaveLength(3);
  });

  it("are found by any form of their name, accents optional", async () => {
    const engine = await engineFor({
      text: "Cuban President Miguel Díaz-Canel spoke. Díaz-Canel left early.",
    });
    expect(engine.entities.find("diaz canel")[0]?.name).toBe("Miguel Díaz-Canel");
    expect(engine.entities.find("MIGUEL")[0]?.name).toBe("Miguel Díaz-Canel");
  });

  it("are named exactly by their full name or a short form, never by a word that only starts one", async () => {
    const engine = await engineFor({
      text: "Cuban President Miguel Díaz-Canel spoke. Díaz-Canel left early. Diazepam was not mentioned.",
    });
    expect(engine.entities.named("miguel diaz-canel")?.name).toBe("Miguel Díaz-Canel");
    expect(engine.entities.named("DÍAZ-CANEL")?.name).toBe("Miguel Díaz-Canel");
    expect(engine.entities.named("Diaz")).toBeUndefined();
    expect(engine.entities.named("Miguel Díaz")).toBeUndefined();
  });

  it("tell organisations by their words", async () => {
    const engine = await engineFor({
      text: "The State Department issued a statement. The Bank of England held rates.",
    });
    expect(engine.entities.get("State Department")?.kind).toBe("organization");
    expect(engine.entities.get("Bank of England")?.kind).toBe("organization");
  });

  it("record appositive descriptions", async () => {
    const engine = await engineFor({ text: "Norway, a major oil exporter, cut output on Friday." });
    expect([...(engine.entities.get("Norway")?.descriptions.keys() ?? [])]).toEqual([
      "Norway, a major oil exporter",
    ]);
  });

  it("do not take words capitalised only because they open a sentence", async () => {
    const engine = await engineFor({ text: "Announcing the plan, the mayor smiled. Yesterday it rained." });
    expect(engine.entities.get("Announcing")).toBeUndefined();
    expect(engine.entities.get("Yesterday")).toBeUndefined();
  });
});

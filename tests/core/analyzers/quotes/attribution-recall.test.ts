import { describe, expect, it } from "vitest";
import { engineFor } from "../../../helpers/article-engine.js";

/** The quotes of an article (paragraphs separated by blank lines) as `speaker: quote` lines, `?` when unattributed. */
async function quotesOf(...paragraphs: string[]): Promise<string[]> {
  const engine = await engineFor({ text: paragraphs.join("\n\n") });
  return engine.quotes.map((q) => `${q.speaker ?? "?"}: ${q.quote}`);
}

describe("quotes standing in a sentence of their own", () => {
  it("GIVEN straight quotation marks WHEN a quote opens the sentence after an attribution THEN the sentences stay apart and “he” is the speaker just named", async () => {
    expect(
      await quotesOf(
        'The gap will narrow by spring, said Jonas Ekwall, editor of the Harbor Ledger. "Readers have noticed the change," he said.',
      ),
    ).toEqual(["Jonas Ekwall: Readers have noticed the change,"]);
  });

  it("GIVEN a sentence that introduces speech WHEN the next sentence is only a quote THEN it is that sentence's speaker's", async () => {
    expect(
      await quotesOf(
        "Professor Diana Moreno of Lakeview College agreed. “The council has run out of time to find another site.”",
      ),
    ).toEqual(["Diana Moreno: The council has run out of time to find another site."]);
  });

  it("GIVEN a sentence that introduces speech WHEN an attribution follows the quote THEN the attribution wins", async () => {
    expect(
      await quotesOf(
        "Nadia Okafor and Tomas Varga met the press. Okafor said the bridge would reopen. “Not before June.” Tomas Varga told reporters on Monday.",
      ),
    ).toEqual(["Tomas Varga: Not before June."]);
  });

  it("GIVEN a quoted sentence that ends the reporter's sentence WHEN the next sentence is only “X said.” THEN X is the speaker", async () => {
    expect(
      await quotesOf(
        "Mayor Ines Hald spoke first. “We will rebuild every house that the river took.” Hald said.",
      ),
    ).toEqual(["Ines Hald: We will rebuild every house that the river took."]);
  });
});

describe("attributions after the reporter's own words", () => {
  it("GIVEN a partial quote WHEN the sentence ends with “…, said X, an analyst” THEN X is the speaker", async () => {
    expect(
      await quotesOf(
        "“Most voters would call that a defeat” if the mayor wins by less than ten points, said Ada Lindgren, an analyst at the Civic Institute.",
      ),
    ).toEqual(["Ada Lindgren: Most voters would call that a defeat"]);
  });

  it("GIVEN “…, and said X should resign” WHEN the name after the verb starts a clause THEN it is not the speaker", async () => {
    expect(
      await quotesOf(
        "Governor Hal Duryea called the plan “a tax on every family” and said Speaker Ruth Kemal should resign.",
      ),
    ).toEqual(["Hal Duryea: a tax on every family"]);
  });

  it("GIVEN a role then a name set off by commas WHEN the verb follows THEN the name is the speaker, not the verb's object", async () => {
    expect(
      await quotesOf(
        "“Positions will soften by the summer,” Senator Ada Lee’s chief of staff, Tom Reyes, told the Daily Ledger.",
      ),
    ).toEqual(["Tom Reyes: Positions will soften by the summer,"]);
  });

  it("GIVEN “said in a statement:” WHEN the quote follows THEN the verb's subject is the speaker", async () => {
    expect(
      await quotesOf(
        "Senator Ruth Kemal’s campaign chairman, Oscar Brandt, said in a statement: “The count was fair and the result is final.”",
      ),
    ).toEqual(["Oscar Brandt: The count was fair and the result is final."]);
  });

  it("GIVEN a time phrase between subject and verb WHEN a participle introduces the quote THEN the subject speaks", async () => {
    expect(
      await quotesOf(
        "Paul Okafor on Thursday stepped up his attacks on the mayor, saying she was “weak on crime and weak on housing.”",
      ),
    ).toEqual(["Paul Okafor: weak on crime and weak on housing."]);
  });
});

describe("descriptions that hold a name", () => {
  it("GIVEN “the Ohio governor” WHEN a governor of Ohio was named before THEN the description is that person", async () => {
    expect(
      await quotesOf(
        "Ohio Gov. Hal Duryea toured the plant on Monday.",
        "“Nobody here will lose a job,” the Ohio governor said.",
      ),
    ).toEqual(["Hal Duryea: Nobody here will lose a job,"]);
  });

  it("GIVEN “the senior Okafor adviser” WHEN no one earlier fits THEN the description is the speaker as written, never Okafor", async () => {
    expect(
      await quotesOf(
        "Paul Okafor campaigned in the north.",
        "“He will win the county easily,” said the senior Okafor adviser.",
      ),
    ).toEqual(["senior Okafor adviser: He will win the county easily,"]);
  });

  it("GIVEN a description before the verb WHEN a name stands in the aside THEN the name is the speaker", async () => {
    expect(
      await quotesOf(
        "“The count must be finished tonight,” the party’s nominee, Carla Ortiz, tweeted on Sunday.",
      ),
    ).toEqual(["Carla Ortiz: The count must be finished tonight,"]);
  });
});

describe("pronouns", () => {
  it("GIVEN a company named by an acronym as the last subject WHEN “she said” follows THEN not the company", async () => {
    expect(
      await quotesOf(
        "Mrs. Vera Lindqvist ran the board for a decade. HLX was losing money.",
        "“We had to sell,” she said.",
      ),
    ).toEqual(["Vera Lindqvist: We had to sell,"]);
  });

  it("GIVEN a group named by a plural WHEN “he said” follows THEN the group is never “he”", async () => {
    expect(
      await quotesOf(
        "Cuban Americans said the embargo should stay. Latino Republicans agreed.",
        "“It is a matter of principle,” he said.",
      ),
    ).toEqual(["?: It is a matter of principle,"]);
  });

  it("GIVEN “who” far from any name WHEN it introduces a quote THEN it stands for no one named earlier", async () => {
    expect(
      await quotesOf(
        "Robert Lindqvist recalled that before the vote, Okafor was not taken seriously by the station’s listeners, who wondered if “he would ever be more than a protest candidate.”",
      ),
    ).toEqual(["Robert Lindqvist: he would ever be more than a protest candidate."]);
  });

  it("GIVEN a subject qualified by a word before it WHEN “he said” follows THEN that subject", async () => {
    expect(
      await quotesOf(
        "Senator Paul Okafor spoke first. Okafor pollster Darnell Whitcombe, the campaign’s longest-serving adviser, picked up the thread.",
        "“Turnout decides it,” he said.",
      ),
    ).toEqual(["Darnell Whitcombe: Turnout decides it,"]);
  });
});

describe("canonical speakers", () => {
  it("GIVEN two people of one surname WHEN “Mr.” stands before the surname alone THEN the man's full name", async () => {
    const engine = await engineFor({
      text: "Hillary Okafor and Bill Okafor arrived together. Mrs. Okafor spoke first. Then Mr. Okafor spoke.",
    });
    expect([...(engine.entities.get("Bill Okafor")?.descriptions.keys() ?? [])]).toContain("Then Mr. Okafor");
    expect([...(engine.entities.get("Hillary Okafor")?.descriptions.keys() ?? [])]).toEqual(["Mrs. Okafor"]);
  });

  it("GIVEN a surname the corpus gives far more often to one person WHEN a relative shares it in an article THEN the surname alone is the first", async () => {
    const engine = await engineFor(
      { text: "Donald Varga spoke. Donald Varga left. Donald Varga won. Donald Varga lost." },
      {
        text: "Donald Varga spoke at the plant. His daughter Ivanka Varga smiled. Varga said the plant would stay.",
      },
    );
    expect(engine.entities.get("Ivanka Varga")?.passageIds).toHaveLength(1);
    expect(engine.entities.get("Donald Varga")?.passageIds).toHaveLength(6);
  });

  it("GIVEN a party word before a name WHEN a committee is named before it THEN the person, not the committee", async () => {
    const engine = await engineFor({
      text: "On Monday, House Budget Republican Tomas Ekwall agreed with the ruling.",
    });
    expect(engine.entities.get("Tomas Ekwall")?.kind).toBe("person");
    expect([...(engine.entities.get("Tomas Ekwall")?.descriptions.keys() ?? [])]).toEqual([
      "House Budget Republican Tomas Ekwall",
    ]);
  });

  it("GIVEN a middle initial WHEN the name is written with it THEN it is one name", async () => {
    const engine = await engineFor({ text: "Senate leader Harry M. Reid opened the session." });
    expect(engine.entities.get("Harry M. Reid")?.kind).toBe("person");
  });
});

describe("names and common words", () => {
  it("GIVEN a common word written in lower case across the corpus WHEN it opens a sentence alone THEN it is no entity", async () => {
    const engine = await engineFor({
      text: [
        "Change is coming to the harbor. The change was voted in May. Any change costs money. No change came.",
        "The Climate Change office opened. Traders said prices rose. The traders were busy and other traders waited, as traders do.",
        "Metal Traders Ltd reported a loss.",
      ].join("\n\n"),
    });
    expect(engine.entities.get("Change")).toBeUndefined();
    expect(engine.entities.get("Traders")).toBeUndefined();
    expect(engine.entities.get("Climate Change")).toBeDefined();
  });

  it("GIVEN a surname mostly seen capitalised WHEN it opens a sentence alone THEN it stays a name", async () => {
    const engine = await engineFor({
      text: "Minister Oskar Brandt arrived. Brandt said the talks went well.",
    });
    expect(engine.entities.get("Oskar Brandt")?.passageIds).toHaveLength(2);
  });
});

describe("where a person is from", () => {
  it("GIVEN “Name of Place” WHEN the name is read THEN the person's name ends before “of”, and the place is nobody's surname", async () => {
    const engine = await engineFor({
      text: "Senator Tomas Ekwall of New Harbor said the bill would pass. New Harbor voted against it. The Bank of Lakeland agreed.",
    });
    expect(engine.entities.get("Tomas Ekwall")?.kind).toBe("person");
    expect(engine.entities.get("Tomas Ekwall of New Harbor")).toBeUndefined();
    expect(engine.entities.get("Bank of Lakeland")?.kind).toBe("organization");
  });
});

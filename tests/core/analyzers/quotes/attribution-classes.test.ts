import { describe, expect, it } from "vitest";
import { engineFor } from "../../../helpers/article-engine.js";

/** The quotes of an article (paragraphs separated by blank lines) as `speaker: quote` lines, `?` when unattributed. */
async function quotesOf(...paragraphs: string[]): Promise<string[]> {
  const engine = await engineFor({ text: paragraphs.join("\n\n") });
  return engine.quotes.map((q) => `${q.speaker ?? "?"}: ${q.quote}`);
}

describe("continuations", () => {
  it("GIVEN an attributed quote WHEN a bare quote follows in the same paragraph THEN it has the same speaker", async () => {
    expect(
      await quotesOf("“We have done our part,” said Ms. Nadia Okafor. “We will not back down.”"),
    ).toEqual(["Nadia Okafor: We have done our part,", "Nadia Okafor: We will not back down."]);
  });

  it("GIVEN an attributed quote WHEN the next paragraph opens with a bare quote THEN it continues the speaker", async () => {
    expect(
      await quotesOf("“The bridge is safe,” engineer Tomas Varga said.", "“We tested every cable twice.”"),
    ).toEqual(["Tomas Varga: The bridge is safe,", "Tomas Varga: We tested every cable twice."]);
  });

  it("GIVEN another person named in between WHEN a bare quote follows THEN it stays unattributed", async () => {
    expect(
      await quotesOf(
        "“The bridge is safe,” engineer Tomas Varga said.",
        "Mayor Ines Hald disagreed on Tuesday.",
        "“Nobody asked the residents.”",
      ),
    ).toEqual(["Tomas Varga: The bridge is safe,", "?: Nobody asked the residents."]);
  });
});

describe("organisations and publications as sources", () => {
  it("resolves “the newspaper reported” to the publication named before", async () => {
    expect(
      await quotesOf(
        "The Daily Ledger obtained the memo on Monday.",
        "“The budget was never approved by the board,” the newspaper reported.",
      ),
    ).toEqual(["Daily Ledger: The budget was never approved by the board,"]);
  });

  it("resolves “the ministry said” to the ministry named before", async () => {
    expect(
      await quotesOf(
        "The Foreign Ministry summoned the ambassador on Monday.",
        "“This breach of protocol is unacceptable,” a statement from the ministry said.",
      ),
    ).toEqual(["Foreign Ministry: This breach of protocol is unacceptable,"]);
  });

  it("takes an organisation as the speaker of “according to”", async () => {
    expect(
      await quotesOf(
        "The plant will close in May, according to the Harbor Shipping Company, “for lack of orders.”",
      ),
    ).toEqual(["Harbor Shipping Company: for lack of orders."]);
  });
});

describe("more cues", () => {
  it("reads “wrote”, “tweeted” and a question “asked”", async () => {
    expect(
      await quotesOf(
        "Senator Ruth Kemal tweeted, “The vote is tomorrow and I will be there.”",
        "“Who will pay for the new stadium?” asked Senator Ivo Brandt.",
      ),
    ).toEqual([
      "Ruth Kemal: The vote is tomorrow and I will be there.",
      "Ivo Brandt: Who will pay for the new stadium?",
    ]);
  });

  it("reads “is calling the plan” with its subject", async () => {
    expect(await quotesOf("Governor Hal Duryea is calling the plan “a tax on every family.”")).toEqual([
      "Hal Duryea: a tax on every family.",
    ]);
  });

  it("takes the speaker named after the quote, not the words of the apposition", async () => {
    expect(
      await quotesOf(
        "“Rates will stay high through the winter,” said Lena Marsh, an economist who advised Governor Hal Duryea.",
      ),
    ).toEqual(["Lena Marsh: Rates will stay high through the winter,"]);
  });

  it("finds the speaker past a title and an aside before the verb", async () => {
    expect(
      await quotesOf(
        "“The count will be finished tonight,” Bram Osei, the county clerk in charge of the ballots, said.",
      ),
    ).toEqual(["Bram Osei: The count will be finished tonight,"]);
  });
});

describe("partial quotes inside indirect speech", () => {
  it("gives the quoted words to the subject of the reporting clause", async () => {
    expect(
      await quotesOf(
        "Minister Carla Ortiz said Sunday that she was relieved by the ruling and hoped for “a quick return to the table.”",
      ),
    ).toEqual(["Carla Ortiz: a quick return to the table."]);
  });

  it("never gives them to a person named inside the clause as an object", async () => {
    expect(
      await quotesOf("Mayor Ines Hald accused Senator Ruth Kemal of spreading “outright falsehoods.”"),
    ).toEqual(["Ines Hald: outright falsehoods."]);
  });
});

describe("pronouns and descriptions", () => {
  it("GIVEN a man and a woman WHEN “she said” follows THEN the woman, by honorific", async () => {
    expect(
      await quotesOf(
        "Mr. Osei met Mrs. Kemal in the capital. Mrs. Kemal praised the deal. Mr. Osei left early.",
        "“It is a fair agreement,” she said.",
      ),
    ).toEqual(["Kemal: It is a fair agreement,"]);
  });

  it("GIVEN a given name of one gender WHEN “he said” follows a woman's sentence THEN the man before her", async () => {
    expect(
      await quotesOf(
        "Robert Lindqvist announced the merger. Susan Achebe welcomed it.",
        "“This will save jobs,” he said.",
      ),
    ).toEqual(["Robert Lindqvist: This will save jobs,"]);
  });

  it("GIVEN a person merely mentioned WHEN “he said” follows THEN the subject before, not the mention", async () => {
    expect(
      await quotesOf(
        "Senator Paul Okafor criticized a report by Victor Hale.",
        "“It is full of errors,” he said.",
      ),
    ).toEqual(["Paul Okafor: It is full of errors,"]);
  });

  it("GIVEN an attribution closing a sentence of indirect speech WHEN “he said” follows THEN its speaker", async () => {
    expect(
      await quotesOf(
        "Mayor Ann Brody spoke first. Voters want a change, pollster Robert Marlow said on Monday.",
        "“It is a new era,” he said.",
      ),
    ).toEqual(["Robert Marlow: It is a new era,"]);
  });

  it("GIVEN no one of the pronoun's gender WHEN “she said” follows THEN it abstains", async () => {
    expect(
      await quotesOf("Mr. Tom Reed opened the hearing.", "“The records are incomplete,” she said."),
    ).toEqual(["?: The records are incomplete,"]);
  });

  it("resolves a definite description to the person described so", async () => {
    expect(
      await quotesOf(
        "Ohio Governor Ann Brody signed the bill on Friday. Critics called it rushed.",
        "“It protects the lakes,” the governor said.",
      ),
    ).toEqual(["Ann Brody: It protects the lakes,"]);
  });
});

describe("canonical speakers", () => {
  it("strips the title and resolves a surname to the full name of the same article", async () => {
    const engine = await engineFor(
      { id: "a", text: "White House Chief of Staff Howard Baker met the press. “No deal yet,” Baker said." },
      { id: "b", text: "Treasury Secretary James Baker spoke in Paris. “The dollar is stable,” Baker said." },
    );
    expect(engine.quotes.map((q) => `${q.speaker}: ${q.quote}`)).toEqual([
      "Howard Baker: No deal yet,",
      "James Baker: The dollar is stable,",
    ]);
  });
});

describe("abstaining rather than naming the wrong person", () => {
  it("never takes a possessor for the speaker of “comments”", async () => {
    expect(
      await quotesOf(
        "An aide played down Governor Hal Duryea’s comments, saying they were “not a big deal.”",
      ),
    ).toEqual(["an aide: not a big deal."]);
  });

  it("never takes the next sentence's subject for a quoted sentence that ended its own", async () => {
    expect(
      await quotesOf(
        "The memo was short: “We start on Monday.” Ada Quist, the owner, said the firm had no comment.",
      ),
    ).toEqual(["?: We start on Monday."]);
  });

  it("never takes a credit line in parentheses for an attribution", async () => {
    expect(
      await quotesOf(
        "“The harbor stays closed,” the port said. “Ships will wait.” (Additional reporting by Lena Marsh)",
      ),
    ).toEqual(["?: The harbor stays closed,", "?: Ships will wait."]);
  });

  it("gives an inverted verb's name the quote only when no clause of its own follows", async () => {
    expect(
      await quotesOf("Mayor Ines Hald backed the plan, but now said Ruth Kemal had “the last word on it.”"),
    ).toEqual(["Ines Hald: the last word on it."]);
  });
});

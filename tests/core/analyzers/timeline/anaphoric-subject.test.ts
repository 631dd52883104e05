import { describe, expect, it } from "vitest";
import { anaphoricSubject } from "../../../../src/core/analyzers/timeline/anaphoric-subject.js";

describe("anaphoricSubject", () => {
  it("finds a pronoun subject, after an opening phrase too", () => {
    expect(anaphoricSubject("He resigned the next morning.")).toMatchObject({ kind: "person", text: "He" });
    expect(anaphoricSubject("In 1998 she founded a dairy.")).toMatchObject({ kind: "person", text: "she" });
    expect(anaphoricSubject("Its shares fell 4%.")).toMatchObject({ kind: "thing" });
  });

  it("finds a definite description of an organisation or a product", () => {
    expect(anaphoricSubject("The company denied the claims.")).toMatchObject({
      kind: "thing",
      noun: "company",
    });
    expect(anaphoricSubject("The planemaker cut its forecast.")).toMatchObject({ kind: "thing" });
    expect(anaphoricSubject("The new tablet sold out.", ["Zeno", "tablet"])).toMatchObject({ kind: "thing" });
  });

  it("ignores objects, impersonal 'it' and names", () => {
    expect(anaphoricSubject("For him, the vote was a defeat.")).toBeUndefined();
    expect(anaphoricSubject("It is unclear whether the port will reopen.")).toBeUndefined();
    expect(anaphoricSubject("Maria Lopez resigned.")).toBeUndefined();
  });
});

describe("anaphoricSubject: descriptions of any trade", () => {
  it("takes a description with modifiers of any trade", () => {
    expect(anaphoricSubject("The Oslo-based shipping company cut 300 jobs.")).toMatchObject({
      kind: "thing",
      noun: "company",
    });
    expect(anaphoricSubject("The state utility raised its tariffs.")).toMatchObject({ noun: "utility" });
    expect(anaphoricSubject("The copper miner reported a loss.")).toMatchObject({ noun: "miner" });
  });

  it("does not take a description that points at another organisation", () => {
    expect(anaphoricSubject("The rival company cut its prices.")).toBeUndefined();
    expect(anaphoricSubject("The parent group sold the unit.")).toBeUndefined();
    expect(anaphoricSubject("The other bank declined to comment.")).toBeUndefined();
  });

  it("takes a pronoun after a determiner only past an opening phrase set off by a comma", () => {
    expect(anaphoricSubject("The next day, he resigned.")).toMatchObject({ kind: "person", text: "he" });
    expect(anaphoricSubject("The mayor thanked him and his aides.")).toBeUndefined();
  });
});

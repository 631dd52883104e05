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

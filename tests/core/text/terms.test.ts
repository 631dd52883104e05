import { describe, expect, it } from "vitest";
import { foldAccents, indexTerm, tokenize } from "../../../src/core/text/terms.js";

describe("index terms", () => {
  it("ignore accents and case, so Díaz-Canel and diaz canel meet", () => {
    const terms = (text: string) => tokenize(text).map(indexTerm).filter(Boolean);
    expect(terms("Díaz-Canel")).toEqual(terms("diaz canel"));
  });

  it("keep initialisms whole: U.S. is one word", () => {
    expect(tokenize("The U.S. economy").map(indexTerm)).toEqual([null, "us", "economi"]);
  });

  it("drop stop words and stem the rest", () => {
    expect(indexTerm("the")).toBeNull();
    expect(indexTerm("tariffs")).toBe(indexTerm("tariff"));
  });

  it("fold accents", () => {
    expect(foldAccents("Bogotá ÉLAN")).toBe("bogota elan");
  });
});

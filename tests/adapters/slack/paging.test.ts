import { describe, expect, it } from "vitest";
import {
  decodePagingState,
  encodePagingState,
  type PagingState,
} from "../../../src/adapters/slack/paging.js";

const state: PagingState = {
  command: "quote",
  args: { speaker: "petro", about: "visa" },
  page: 2,
  visibility: "private",
};

describe("paging state", () => {
  it("GIVEN a state THEN it survives the trip through a button value", () => {
    const value = encodePagingState(state);
    expect(value).toBeDefined();
    expect(decodePagingState(value)).toEqual(state);
    expect(decodePagingState(encodePagingState({ ...state, sharedBy: "U0ANA" }))).toEqual({
      ...state,
      sharedBy: "U0ANA",
    });
  });

  it("GIVEN a question too long for a button THEN no value is made", () => {
    expect(encodePagingState({ ...state, args: { speaker: "x".repeat(1500) } })).toBeUndefined();
  });

  it.each([
    ["not JSON", "{"],
    ["another app's value", "approve"],
    ["a wrong version", JSON.stringify({ v: 2, c: "why", a: {}, p: 0, s: "private" })],
    ["a negative page", JSON.stringify({ v: 1, c: "why", a: {}, p: -1, s: "private" })],
    ["an unknown visibility", JSON.stringify({ v: 1, c: "why", a: {}, p: 0, s: "everyone" })],
    ["an object as argument", JSON.stringify({ v: 1, c: "why", a: { topic: {} }, p: 0, s: "private" })],
    ["a mention as sharer", JSON.stringify({ v: 1, c: "why", a: {}, p: 0, s: "public", b: "<!channel>" })],
    ["nothing", undefined],
  ])("GIVEN %s THEN the value is refused", (_what, value) => {
    expect(decodePagingState(value)).toBeUndefined();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAskedLine, parseAskedLine } from "../../../src/adapters/discord/asked-line.js";
import {
  type ButtonState,
  decodeButtonState,
  encodeButtonState,
} from "../../../src/adapters/discord/button-state.js";

describe("GIVEN a button's state", () => {
  const state: ButtonState = {
    action: "page",
    command: "quote",
    page: 2,
    args: { speaker: "petro", about: "visa & tariffs" },
  };

  it("WHEN encoded THEN it reads like a route and decodes back to the same state", () => {
    const customId = encodeButtonState(state);
    expect(customId).toBe("bs1:g:2:quote:speaker=petro&about=visa+%26+tariffs");
    expect(decodeButtonState(customId)).toEqual(state);
  });

  it("WHEN the arguments would make the custom_id longer than 100 THEN they are left to the message", () => {
    const long = { ...state, args: { speaker: "Gustavo Petro".repeat(10) } };
    const customId = encodeButtonState(long);
    expect(customId).toBe("bs1:g:2:quote:~");
    expect(decodeButtonState(customId)).toEqual({ action: "page", command: "quote", page: 2 });
  });

  it("WHEN any state is encoded THEN the custom_id is at most 100 characters and keeps what fits", () => {
    const args = fc.dictionary(
      fc.constantFrom("speaker", "about", "topic"),
      fc.string({ unit: "grapheme" }),
      {
        maxKeys: 2,
      },
    );
    fc.assert(
      fc.property(args, fc.nat(99_999), (a, page) => {
        const s: ButtonState = { action: "post", command: "quote", page, args: a };
        const customId = encodeButtonState(s);
        expect(customId.length).toBeLessThanOrEqual(100);
        const decoded = decodeButtonState(customId);
        expect(decoded?.args === undefined || JSON.stringify(decoded.args) === JSON.stringify(a)).toBe(true);
      }),
    );
  });

  it.each([
    ["a custom_id of another bot", "vote:yes"],
    ["an older version of ours", "bs0:g:1:quote:speaker=petro"],
    ["an altered one", "bs1:x:1:quote:speaker=petro"],
    ["an empty one", ""],
  ])("WHEN the custom_id is %s THEN it is not taken for ours", (_what, customId) => {
    expect(decodeButtonState(customId)).toBeUndefined();
  });
});

describe("GIVEN the asked line in a footer", () => {
  it("WHEN written THEN it reads like the slash command, values quoted", () => {
    expect(formatAskedLine("quote", { speaker: "petro", about: 'the "visa"' })).toBe(
      '/quote speaker:"petro" about:"the \\"visa\\""',
    );
  });

  it("WHEN read back from a footer THEN the arguments come back exactly, whatever they contain", () => {
    const value = fc.string({ unit: "grapheme", maxLength: 200 });
    fc.assert(
      fc.property(value, value, (speaker, about) => {
        const line = formatAskedLine("quote", { speaker, about });
        expect(parseAskedLine(`${line} · 3 sources · page 1/2`)).toEqual({
          command: "quote",
          args: { speaker, about },
        });
      }),
    );
  });

  it("WHEN the footer was cut THEN nothing is read back", () => {
    expect(parseAskedLine('/quote speaker:"pet…')).toBeUndefined();
    expect(parseAskedLine("3 sources · page 1/2")).toBeUndefined();
  });
});

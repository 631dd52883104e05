import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateArgs } from "../../../commands/dispatch.js";
import { findCommand } from "../../../commands/index.js";
import { parseAskedLine } from "../../../src/adapters/discord/asked-line.js";
import { decodeButtonState } from "../../../src/adapters/discord/button-state.js";
import { renderDiscordAnswer } from "../../../src/adapters/discord/render-answer.js";
import type { Answer, Citation, Item } from "../../../src/core/answer.js";
import type { CommandArgs } from "../../../src/core/invocation.js";
import { expectWithinDiscordLimits, unescapeMarkdown } from "../../fakes/discord/expect-limits.js";

// Pieces that have broken renderers before: markdown, mentions, emoji sequences,
// right-to-left and zero-width characters, combining marks, very long words.
const TRICKY = [
  "@everyone",
  "@here",
  "<@123>",
  "<@&1>",
  "<#1>",
  "<:emoji:123>",
  "<t:1700000000:R>",
  "**",
  "__",
  "~~",
  "||",
  "`",
  "```",
  "> ",
  ">>> ",
  "# ",
  "-# ",
  "- ",
  "1. ",
  "[x](https://evil.example)",
  "\\",
  "*",
  "_",
  "\n",
  "\u200b",
  "\u200f",
  "\u202e",
  "שלום עולם",
  "مرحبا",
  "👍🏽",
  "👨‍👩‍👧‍👦",
  "🇨🇴",
  "e\u0301",
  " ",
  "…",
  "¶",
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 200, maxLength: 1500 }) },
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));
const longText = fc.oneof(
  text,
  fc
    .tuple(fc.constantFrom(...TRICKY, "word "), fc.integer({ min: 100, max: 3000 }))
    .map(([s, n]) => s.repeat(n)),
);

const isoDate = fc.constantFrom("2025", "2025-01", "2025-01-27", "1999-12-31");

const citation: fc.Arbitrary<Citation> = fc.record(
  {
    docId: fc.string({ minLength: 1, maxLength: 12 }),
    title: longText,
    paragraph: fc.integer({ min: 1, max: 100_000 }),
    heading: text,
    published: isoDate,
    url: fc.oneof(
      fc.webUrl(),
      fc.constantFrom(
        "https://x.example/a(b)c",
        "javascript:alert(1)",
        "not a url",
        `https://x.example/${"a".repeat(800)}`,
      ),
    ),
    source: text,
  },
  { requiredKeys: ["docId", "title", "paragraph"] },
);

const item: fc.Arbitrary<Item> = fc
  .record(
    {
      text: longText,
      quote: text,
      speaker: text,
      date: isoDate,
      dateText: text,
      lead: fc.constantFrom("date" as const, "speaker" as const),
      marks: fc.array(
        fc.record({ start: fc.integer({ min: -5, max: 4000 }), end: fc.integer({ min: -5, max: 4000 }) }),
        {
          maxLength: 6,
        },
      ),
      alsoIn: fc.array(citation, { maxLength: 3 }),
      citation,
    },
    { requiredKeys: ["text", "citation"] },
  )
  .map((i) => i as Item);

const COMMANDS = ["timeline", "quote", "why", "search", "who", "sources", "help", "made-up"] as const;

const answer: fc.Arbitrary<Answer> = fc
  .record({
    command: fc.constantFrom(...COMMANDS),
    query: text,
    title: longText,
    pool: fc.array(item, { maxLength: 6 }),
    count: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 500 })),
    notice: fc.option(longText, { nil: undefined }),
  })
  .map(({ pool, count, notice, ...rest }) => {
    const items =
      pool.length === 0 ? [] : Array.from({ length: count }, (_, i) => pool[i % pool.length] as Item);
    return notice === undefined ? { ...rest, items } : { ...rest, items, notice };
  });

const args = fc.dictionary(
  fc.constantFrom("speaker", "about", "topic", "query", "name", "extra"),
  fc.oneof(longText, fc.string({ unit: "grapheme", maxLength: 600 })),
  { maxKeys: 3 },
);

const request = fc.record({
  args,
  page: fc.integer({ min: -3, max: 150 }),
  visibility: fc.constantFrom("private" as const, "public" as const),
});

const RUNS = { numRuns: 150 };

function checkedArgs(command: string, given: CommandArgs): CommandArgs {
  const found = findCommand(command);
  if (!found) return given;
  try {
    return validateArgs(found, given);
  } catch {
    return given;
  }
}

describe("GIVEN any answer, arguments, page and visibility", () => {
  it("WHEN rendered THEN Discord would accept the message and it pings no one", () => {
    fc.assert(
      fc.property(answer, request, (a, r) => {
        const message = renderDiscordAnswer(a, r);
        expectWithinDiscordLimits(message);
        for (const row of message.components) {
          for (const button of row.components) {
            expect(button.custom_id.length).toBeLessThanOrEqual(100);
            expect(button.label?.length ?? 0).toBeLessThanOrEqual(80);
          }
        }
      }),
      RUNS,
    );
  });

  it("WHEN rendered THEN every item ends with its whole citation line, never cut into", () => {
    fc.assert(
      fc.property(answer, request, (a, r) => {
        const fields = renderDiscordAnswer(a, r).embeds[0]?.fields ?? [];
        for (const field of fields) {
          const shown = a.items[Number(/^\d+/u.exec(field.name)?.[0]) - 1];
          const last = field.value.split("\n").at(-1) ?? "";
          expect(last.startsWith("— ")).toBe(true);
          expect(last).toContain(`¶${shown?.citation.paragraph}`);
          if (shown?.citation.published) expect(last).toContain(` · ${shown.citation.published}`);
        }
      }),
      RUNS,
    );
  });

  it("WHEN rendered THEN the title shows the answer's title verbatim (or its start, with an ellipsis) and formats nothing", () => {
    fc.assert(
      fc.property(answer, request, (a, r) => {
        const title = renderDiscordAnswer(a, r).embeds[0]?.title ?? "";
        if (a.title.trim() === "") return;
        const shown = unescapeMarkdown(title);
        if (shown !== a.title) {
          expect(shown.endsWith("…")).toBe(true);
          expect(a.title.startsWith(shown.slice(0, -1))).toBe(true);
        }
        expect(title).not.toMatch(/(?<!\\)(?:\\\\)*[*_~|`[<]/u);
      }),
      RUNS,
    );
  });

  it("WHEN a button is clicked THEN what it carries asks exactly the same question again", () => {
    const realCommand = fc.constantFrom("timeline", "quote", "why", "search", "who");
    fc.assert(
      fc.property(answer, realCommand, request, (a, command, r) => {
        // The answer carries its arguments as the command table checked them.
        const expected = checkedArgs(command, r.args);
        const message = renderDiscordAnswer({ ...a, command, args: expected }, r);
        const footer = message.embeds[0]?.footer?.text ?? "";
        for (const row of message.components) {
          for (const button of row.components) {
            const state = decodeButtonState(button.custom_id);
            expect(state?.command).toBe(command);
            const carried = state?.args ?? parseAskedLine(footer)?.args;
            expect(carried).toEqual(expected);
          }
        }
      }),
      RUNS,
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePagingState } from "../../../src/adapters/slack/paging.js";
import { renderSlackAnswer } from "../../../src/adapters/slack/render-blocks.js";
import type { Answer, Citation, Item } from "../../../src/core/answer.js";
import type { ViewRequest } from "../../../src/present/answer-view.js";
import { blockKitProblems } from "../../helpers/block-kit-check.js";

// A failure is still reported when time runs out; only the shrinking of huge
// counterexamples (minutes otherwise) is cut short.
const BOUNDED = { interruptAfterTimeLimit: 15_000 } as const;

// Text meant to break a renderer: Slack control sequences, mrkdwn, entities,
// emoji (surrogate pairs, ZWJ sequences), combining marks, control characters.
const NASTY = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U123>",
  "<#C123|general>",
  "<https://evil.example|click me>",
  "&",
  "&amp;",
  "&lt;",
  "<",
  ">",
  ">>> quote",
  "*bold*",
  "_it_",
  "~del~",
  "`code`",
  "```block```",
  "@channel",
  "@here",
  "👩‍👩‍👧‍👦",
  "🇨🇴",
  "é",
  "e\u0301",
  "\u0000",
  "\u200b",
  "\n",
  "  ",
  "|",
  ":smile:",
];

const shortText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 12 }).map((parts) => parts.join("")),
  fc
    .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8 })), { maxLength: 20 })
    .map((p) => p.join(" ")),
);

const longText = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 2000, maxLength: 5000 }),
  fc.constantFrom(...NASTY).map((s) => s.repeat(Math.ceil(4000 / s.length))),
  fc.string({ unit: "binary", minLength: 3000, maxLength: 4000 }),
);

const anyText = fc.oneof({ arbitrary: shortText, weight: 8 }, { arbitrary: longText, weight: 1 });

const url = fc.oneof(
  fc.webUrl(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    "javascript:alert(1)",
    "https://example.com/a|b>c<d&e",
    "https://example.com/<!channel>",
    `https://example.com/${"x".repeat(400)}`,
    "not a url",
    "",
  ),
  shortText,
);

const citation: fc.Arbitrary<Citation> = fc.record(
  {
    docId: shortText,
    title: anyText,
    paragraph: fc.integer({ min: -3, max: 100_000 }),
    heading: shortText,
    published: fc.oneof(fc.constantFrom("2025", "2025-01", "2025-01-27"), shortText),
    url,
    source: shortText,
  },
  { requiredKeys: ["docId", "title", "paragraph"] },
);

const mark = fc.record({
  start: fc.integer({ min: -5, max: 5000 }),
  end: fc.integer({ min: -5, max: 5000 }),
});

const item: fc.Arbitrary<Item> = fc.record(
  {
    text: anyText,
    quote: shortText,
    speaker: anyText,
    date: fc.oneof(fc.constantFrom("2025-01-27", "1999"), shortText),
    dateText: anyText,
    lead: fc.constantFrom("date" as const, "speaker" as const),
    marks: fc.array(mark, { maxLength: 40 }),
    alsoIn: fc.array(citation, { maxLength: 12 }),
    citation,
  },
  { requiredKeys: ["text", "citation"] },
);

// Hundreds of items test paging and counts; their texts need not be long too, which
// keeps generation fast.
const plainItem: fc.Arbitrary<Item> = fc.record({
  text: shortText,
  citation: fc.record({ docId: shortText, title: shortText, paragraph: fc.nat(1000) }),
});

const answer: fc.Arbitrary<Answer> = fc.record(
  {
    command: fc.constantFrom("timeline", "quote", "why", "search", "who", "sources", "help", "other"),
    query: anyText,
    title: anyText,
    items: fc.oneof(
      { arbitrary: fc.array(item, { maxLength: 12 }), weight: 4 },
      { arbitrary: fc.array(plainItem, { minLength: 100, maxLength: 500 }), weight: 1 },
    ),
    notice: anyText,
  },
  { requiredKeys: ["command", "query", "title", "items"] },
);

const options: fc.Arbitrary<ViewRequest> = fc.record(
  {
    page: fc.integer({ min: -5, max: 200 }),
    args: fc.dictionary(fc.constantFrom("topic", "speaker", "about", "query"), fc.oneof(shortText, longText)),
    visibility: fc.constantFrom("private" as const, "public" as const),
    sharedBy: fc.constantFrom("U0ANA", "W123ABC", "<!channel>", "u0ana", ""),
  },
  { requiredKeys: [] },
);

// Every field at its longest at once: the case that decides whether the budgets add
// up to less than Slack's message ceiling. Repeated pieces keep generation fast.
const longPiece = fc
  .tuple(fc.constantFrom(...NASTY, "word ", "é", "😀"), fc.integer({ min: 1000, max: 6000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)));

const longCitation: fc.Arbitrary<Citation> = fc.record({
  docId: shortText,
  title: longPiece,
  paragraph: fc.integer({ min: 100_000_000, max: 2_000_000_000 }),
  heading: longPiece,
  published: longPiece,
  url: fc.constant(`https://news.example/${"a&b".repeat(50)}`),
  source: longPiece,
});

const longestAnswer: fc.Arbitrary<Answer> = fc.record({
  command: fc.constantFrom("timeline", "quote", "who"),
  query: longPiece,
  title: longPiece,
  items: fc.array(
    fc.record({
      text: longPiece,
      speaker: longPiece,
      date: longPiece,
      dateText: longPiece,
      lead: fc.constantFrom("date" as const, "speaker" as const),
      marks: fc.array(mark, { minLength: 30, maxLength: 40 }),
      alsoIn: fc.array(longCitation, { minLength: 2, maxLength: 4 }),
      citation: longCitation,
    }),
    { minLength: 5, maxLength: 6 },
  ),
  notice: longPiece,
});

/** Every article link the answer cites: the only links its message may hold. */
function citedLinks(a: Answer): string[] {
  return a.items.flatMap((item) =>
    [item.citation, ...(item.alsoIn ?? [])].flatMap((c) => (c.url === undefined ? [] : [c.url])),
  );
}

describe("renderSlackAnswer (property)", () => {
  it("GIVEN answers with every text at its longest THEN the whole message still fits", () => {
    fc.assert(
      fc.property(longestAnswer, options, (a, o) => {
        const message = renderSlackAnswer(a, { ...o, page: 0, sharedBy: "U0ANA" });
        expect(blockKitProblems(message, { mention: "<@U0ANA>", links: citedLinks(a) })).toEqual([]);
      }),
      { numRuns: 30, ...BOUNDED },
    );
  });

  it("GIVEN any answer and options THEN the message is within every Block Kit limit and escapes all text", () => {
    fc.assert(
      fc.property(answer, options, (a, o) => {
        const message = renderSlackAnswer(a, o);
        const mention =
          o.sharedBy !== undefined && /^[UW][A-Z0-9]{2,20}$/u.test(o.sharedBy) ? o.sharedBy : undefined;
        const links = citedLinks(a);
        expect(
          blockKitProblems(message, {
            ...(mention === undefined ? {} : { mention: `<@${mention}>` }),
            links,
          }),
        ).toEqual([]);
      }),
      { numRuns: 120, ...BOUNDED },
    );
  });

  it("GIVEN any answer with an origin THEN every button value decodes to the state it pages to", () => {
    fc.assert(
      fc.property(answer, options, (a, o) => {
        const message = renderSlackAnswer(a, o);
        for (const block of message.blocks) {
          if (block.type !== "actions") continue;
          for (const element of block.elements) {
            if (element.type !== "button") continue;
            const state = decodePagingState(element.value);
            expect(state?.command).toBe(a.command);
            expect(state?.args).toEqual(o.args);
          }
        }
      }),
      { numRuns: 40, ...BOUNDED },
    );
  });
});

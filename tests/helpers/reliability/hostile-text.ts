import fc from "fast-check";

/**
 * Text a busy public channel can send: broadcasts and mentions in both platforms'
 * syntaxes, markdown and regex metacharacters, unmatched quotes, control,
 * zero-width and right-to-left characters, emoji sequences, and words the seed
 * corpus knows (so that some answers have items to render).
 */
export const HOSTILE_PIECES: readonly string[] = [
  "@everyone",
  "@here",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@123>",
  "<@!123>",
  "<@&1>",
  "<#1>",
  "<@U0ANA>",
  "<@U0ANA|ana>",
  "<#C0NEWS|news>",
  "<https://evil.example|click>",
  "&lt;!channel&gt;",
  "&amp;",
  "&",
  "<",
  ">",
  "<t:1700000000:R>",
  "[x](https://evil.example)",
  '"',
  "'",
  "“",
  "”",
  '"unmatched',
  "`",
  "```",
  "*",
  "**",
  "_",
  "~~",
  "||",
  "> ",
  ">>> ",
  "# ",
  "-# ",
  "1. ",
  "\\",
  ".*",
  "(?:",
  "[^",
  "$1",
  "^$",
  "(a+)+$",
  "\\u0000",
  "%s%n",
  "{{x}}",
  "__proto__",
  "constructor",
  "private",
  "public",
  "--private",
  "speaker:",
  "about=",
  "topic:x",
  "/help",
  "/backstory",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\r\n",
  "\t",
  "\u0085",
  "\u2028",
  "\u200b",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u200f",
  "\u202e",
  "\u2066",
  "שלום",
  "مرحبا",
  "👍🏽",
  "👨‍👩‍👧‍👦",
  "🇨🇴",
  "e\u0301",
  "\ud800",
  "\udfff",
  "petro",
  "Gustavo Petro",
  "visa",
  "Trump",
  "Colombia",
  "deportation",
  "tariffs",
  "2025",
];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

/** A short hostile phrase: pieces joined by spaces or nothing. */
export const hostilePhrase: fc.Arbitrary<string> = fc
  .tuple(fc.array(piece, { maxLength: 12 }), fc.constantFrom(" ", "", "  ", "\n"))
  .map(([parts, glue]) => parts.join(glue));

const solidPieces = HOSTILE_PIECES.filter((p) => p !== "" && !/\s/u.test(p));

/**
 * Huge text: 10k to 100k characters in few words (pieces repeated without spaces),
 * or up to 400 space-separated hostile words. Texts of tens of thousands of *words*
 * are tested on their own (parsing them is quadratic: see RELIABILITY.md).
 */
export const hugeText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...solidPieces), fc.integer({ min: 10_000, max: 100_000 }))
    .map(([p, size]) => p.repeat(Math.ceil(size / p.length)).slice(0, size)),
  fc
    .tuple(
      fc.array(fc.constantFrom(...solidPieces), { minLength: 1, maxLength: 10 }),
      fc.integer({ min: 1000, max: 10_000 }),
    )
    .map(([words, size]) => words.map((w) => w.repeat(Math.ceil(size / w.length)).slice(0, size)).join(" ")),
  fc
    .array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 100, maxLength: 400 })
    .map((words) => words.join(" ")),
);

/** Names and words the seed corpus answers about, so that many answers have items to render. */
export const CORPUS_WORDS: readonly string[] = [
  "petro",
  "Gustavo Petro",
  "rubio",
  "Marco Rubio",
  "trump",
  "visa",
  "visas",
  "colombia",
  "tariffs",
  "deportation flights",
  "migrants",
];

/** Any value a user can type into a command's text or an option. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CORPUS_WORDS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...CORPUS_WORDS), fc.constantFrom(...HOSTILE_PIECES), fc.boolean())
      .map(([word, piece, before]) => (before ? `${piece} ${word}` : `${word} ${piece}`)),
  },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\u0000", "\u200b", '"', "“", "private") },
  { weight: 14, arbitrary: hostilePhrase },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: hugeText },
);

/** Hostile option values as Discord delivers them: mostly text, sometimes a number or boolean. */
export const hostileOptionValue: fc.Arbitrary<string | number | boolean> = fc.oneof(
  { weight: 12, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()) },
);

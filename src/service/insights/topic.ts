// Words that carry no topic in a question ("what did the president say about the visa").
const STOP_WORDS = new Set(
  (
    "a an and are as at be by did do does for from had has have he her his how in is it its of on or " +
    "said say says she that the their them they this to was were what when where which who why will with " +
    "about after before over under into than then there these those"
  ).split(" "),
);

// Options that shape an answer without saying what it is about.
const NOT_TOPICS = new Set(["private", "public", "page", "limit", "sort", "order"]);

/**
 * A question's topic, normalised so the same need asked differently groups together: the text
 * of its options, lower-cased, accents and punctuation gone, common words dropped, the words
 * sorted ("Petro's visa?" and "visa petro" are one topic). Empty when the question names none
 * (`/sources`).
 */
export function normalisedTopic(args: Readonly<Record<string, string | number | boolean>>): string {
  const words = new Set<string>();
  for (const [name, value] of Object.entries(args)) {
    if (NOT_TOPICS.has(name) || typeof value !== "string") continue;
    for (const word of topicWords(value)) words.add(word);
  }
  return [...words].sort().join(" ");
}

/** One option's text as topic words (a speaker's or an entity's name, normalised). */
export function topicWords(text: string): string[] {
  return (
    (
      text
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase()
        // "petro's" is about Petro.
        .replace(/['’]s\b/gu, "")
        .match(/[\p{L}\p{N}]+/gu) ?? []
    ).filter((word) => !STOP_WORDS.has(word))
  );
}

/**
 * Works out what to suggest for a slash command being typed, reading the
 * command table as the server does: the first option takes the words up to the
 * name of another option; `name:value` names one explicitly.
 */

const UMBRELLA = "backstory";

/**
 * What the person is typing at the end of `text`.
 * @param {string} text the input up to the caret
 * @param {any[]} commands the command table from /api/commands
 * @returns {{ kind: "command", typed: string, start: number }
 *   | { kind: "value", command: any, option: any, typed: string, start: number, followers: string[] }
 *   | undefined}
 */
export function completionContext(text, commands) {
  const words = [...text.matchAll(/\S+/gu)].map((m) => ({ word: m[0], start: m.index }));
  let first = 0;
  if (
    words[0]?.word.replace(/^\//u, "").toLowerCase() === UMBRELLA &&
    (words.length > 1 || /\s$/u.test(text))
  ) {
    first = 1;
  }
  const head = words[first];
  const endsWithSpace = /\s$/u.test(text);
  if (!head || (words.length === first + 1 && !endsWithSpace)) {
    return {
      kind: "command",
      typed: (head?.word ?? "").replace(/^\//u, ""),
      start: head?.start ?? text.length,
    };
  }
  const command = commands.find((c) => c.name === head.word.replace(/^\//u, "").toLowerCase());
  if (!command || command.options.length === 0) return undefined;
  const names = new Set(command.options.map((o) => o.name));
  let option = command.options[0];
  let valueWords = [];
  let explicitStart;
  for (const { word, start } of words.slice(first + 1)) {
    const explicit = /^([a-z]+)[:=](.*)$/iu.exec(word);
    if (explicit && names.has(explicit[1].toLowerCase())) {
      option = command.options.find((o) => o.name === explicit[1].toLowerCase());
      valueWords = explicit[2] ? [{ word: explicit[2], start: start + explicit[1].length + 1 }] : [];
      explicitStart = start + explicit[1].length + 1;
      continue;
    }
    const lower = word.toLowerCase();
    if (names.has(lower) && lower !== command.options[0].name && valueWords.length > 0) {
      option = command.options.find((o) => o.name === lower);
      valueWords = [];
      explicitStart = undefined;
      continue;
    }
    valueWords.push({ word, start });
  }
  const start = valueWords[0]?.start ?? explicitStart ?? text.length;
  const typed = valueWords.map((w) => w.word).join(" ");
  const mentioned = new Set(words.map((w) => w.word.toLowerCase()));
  const followers =
    endsWithSpace && typed !== ""
      ? command.options
          .filter((o) => o !== option && o !== command.options[0] && !mentioned.has(o.name))
          .map((o) => o.name)
      : [];
  return { kind: "value", command, option, typed, start, followers };
}

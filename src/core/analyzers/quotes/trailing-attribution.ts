import { isVerbLike } from "../entities/clause-subject.js";
import type { ReferringExpression } from "../entities/referring-expressions.js";
import type { ParagraphView } from "./paragraph-view.js";
import { isSpeechVerb } from "./speech-cues.js";
import { speakerJoinedToVerb } from "./verb-speaker.js";

// How many words may follow the attribution at a sentence's end ("…, said Ada Lee, director of the
// institute, whose members lobby every campaign on the issue.").
const MAX_WORDS_AFTER_VERB = 30;
// Verbs that news style puts before their speaker ("…, said Ada Lee").
const INVERTED_VERBS =
  /^(?:said|says|added|adds|wrote|writes|explained|explains|noted|notes|recalled|recalls|argued|argues|continued|continues|insisted|insists|asked|asks|replied|replies|countered|counters|warned|warns|concluded|observed|remembered|tweeted|posted)$/iu;

/**
 * The speaker of an attribution that closes a sentence of indirect speech: "People want
 * more, Okafor said." / "…, said Ada Lee, a demographer." Whoever the next "he said" stands for
 * is most likely this speaker, so the article's memory records it as the latest subject.
 */
export function trailingSpeaker(
  view: ParagraphView,
  start: number,
  end: number,
): ReferringExpression | undefined {
  const words = Array.from(view.masked.slice(start, end).matchAll(/[\p{L}’'-]+/gu));
  for (let i = words.length - 1; i >= 0 && words.length - 1 - i <= MAX_WORDS_AFTER_VERB; i--) {
    const word = words[i] as RegExpExecArray;
    if (!isSpeechVerb(word[0])) continue;
    const verbAt = start + word.index;
    // ", Okafor said" / ", said Ada Lee": only the speaker stands between the comma and the
    // verb — not "…, said he’s hopeful that the effort results in John Kasich claiming".
    const lead = view.masked.slice(start, verbAt).replace(/^[\s\S]*(,\s[^,]*)$/u, "$1");
    if (!/^,\s/u.test(lead) || leadHasVerb(lead)) return undefined;
    const joined = speakerJoinedToVerb(view, verbAt, start);
    if (joined) return joined;
    // "…, said Ada Lee, a demographer." — not "and said Paul Ryan should resign", nor "told Politico".
    if (!INVERTED_VERBS.test(word[0])) return undefined;
    const afterVerb = verbAt + word[0].length;
    return view.expressions.find(
      (e) =>
        e.start >= afterVerb &&
        e.end <= end &&
        /^\s+$/u.test(view.masked.slice(afterVerb, e.start)) &&
        /^\s*(?:[,.;(]|$)/u.test(view.masked.slice(e.end, end)),
    );
  }
  return undefined;
}

/** True when the words between the comma and the verb hold a verb of their own or are too many for a speaker. */
function leadHasVerb(lead: string): boolean {
  const words = lead.match(/[\p{L}’'-]+/gu) ?? [];
  // Names are capitalised ("Sanders" is no verb); the reporter's own words are not.
  const common = words.filter((w) => /^\p{Ll}/u.test(w));
  return words.length > 8 || common.some((w) => isSpeechVerb(w) || isVerbLike(w));
}

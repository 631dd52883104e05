import { REPORTING_VERBS } from "../../text/lexicon.js";

/**
 * Verbs that introduce a quotation: the shared reporting verbs, and those that only ever
 * frame quoted words in news copy (sang, read, answered, testified…).
 */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...REPORTING_VERBS,
  ..."reported reports sang sings read reads answered answers countered counters testified testifies retorted pleaded agreed agrees observed observes emphasized emphasised stressed stresses charged alleged alleges lamented laments mused explained asserted asserts contended contends tweet texted messaged emailed shared sharing thundered yelled screamed chanted whispered cried exclaimed proclaimed proclaims promised quoted recounted recounts continues continued concluded summed opined chimed interjected offered offers acknowledging adding noting writing saying telling asking blamed blames blaming bemoaned bemoans decried decries hailed hails touted touts praised praises praising mocked mocks mocking derided derides dismissed ridiculed scoffed affirmed affirms demand declare insist warn urge vow argue claim predict acknowledge admit deny promise pledge tweet post write quipping joking vowing boasting bragged brags lashed puts counter pointed remembered remembers recalling remembering pressed reasoned griped fumed snapped deadpanned marveled marvelled gushed elaborated clarified speculated lectured preached implored begged pleaded vented vents portrayed portrays proposed proposes referenced cited cites sniped snipes welcomed welcomes denounced denounces condemned condemns applauded applauds lauded lauds attacking".split(
    " ",
  ),
]);

/** Adverbs and auxiliaries that may stand between a speaker and the verb ("also said", "has repeatedly called"). */
export const BETWEEN_SPEAKER_AND_VERB =
  /^\s+(?:(?:[\p{Ll}]+ly|also|later|then|had|has|have|is|was|were|are|will|would|once|again|previously|recently|reportedly|often|even|later|last|earlier|quickly|never|frequently|already|just|has been|had been|himself|herself|themselves|itself)\s+)*$/u;

/** True when a word introduces a quotation, in any of its forms ("concludes" as "concluded"). */
export function isSpeechVerb(word: string): boolean {
  const lower = word.toLowerCase();
  if (SPEECH_VERBS.has(lower)) return true;
  if (!lower.endsWith("s") || lower.length < 5) return false;
  const stem = lower.slice(0, -1);
  return (
    SPEECH_VERBS.has(`${stem}d`) ||
    SPEECH_VERBS.has(`${stem}ed`) ||
    (lower.endsWith("ies") && SPEECH_VERBS.has(`${lower.slice(0, -3)}ied`)) ||
    (lower.endsWith("es") && SPEECH_VERBS.has(`${lower.slice(0, -2)}ed`))
  );
}

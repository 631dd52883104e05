// One lead-in word (or "the end of …") just before an expression; matched repeatedly.
const LEAD_IN =
  /(?:^|[^\p{L}\p{N}])((?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?|(?:earlier|later|early|late|mid|next|last|this|in|on|by|since|until|till|from|through|during|before|after|around|as\s+of)\s+|mid-)$/iu;

/**
 * Where a date expression starts once the words leading into it are included, so
 * that the text shown reads as written: "Earlier in 2025", "by the next day",
 * "By Monday", "late last year", "in mid-February", "by the end of the month", "next March".
 */
export function leadInStart(sentence: string, start: number): number {
  let from = start;
  for (let i = 0; i < 4; i++) {
    const match = LEAD_IN.exec(sentence.slice(Math.max(0, from - 40), from));
    const word = match?.[1];
    if (word === undefined) break;
    from -= word.length;
  }
  return from;
}

/** Whether the words around a date speak of the past, the future, or neither clearly. */
export type Tense = "past" | "future" | "unknown";

/** A word that sets the tense around it. */
export interface TenseMarker {
  start: number;
  end: number;
  /**
   * `unknown` for the future of a past ("would", "planned to"): what it dates comes after
   * the telling, but may be before or after publication.
   */
  tense: Tense;
  /** A verb of saying ("said", "told"): it sets the tense of its own clause only. */
  reporting?: true;
  /**
   * The future of a past ("planned to", "would"): open in its own clause ("planned to
   * leave on Thursday"), but a past for a date set off before it ("On Friday, the
   * government planned to pay…": the date is the planning verb's).
   */
  prospective?: true;
}

// "…in early March, an official said": the saying is past, what is said need not be.
const REPORTING_VERBS = new Set(["said", "told", "added", "reported", "stated"]);

const FUTURE =
  /\b(?:will|shall|(?:is|are)\s+to|as\s+(?:soon|early)\s+as|won[’']t|going to|(?:plans?|planning|intends?|expects?|expected|(?:un)?likely|poised|set|scheduled|slated) to|due\s+to(?!\s+(?:the|a|an|its|his|her|their|our|this|that|these|those|lower|higher|weak|strong|poor)\b)|scheduled|slated|upcoming|forthcoming|takes? effect|goes live|go live|comes into (?:force|effect)|begins|(?<!housing\s)starts|opens|expires|resumes)\b|[’']ll\b/gi;

// The future seen from a past: "the team planned to leave on Thursday" (the coming one),
// "on Friday, the government planned to pay…" (the one gone), "said it would… by Jan. 14".
const FUTURE_IN_PAST =
  /\b(?:(?:planned|intended|hoped|aimed|meant) to|(?:was|were)\s+(?:planning|going|about|set|due|scheduled|expected|(?:un)?likely|poised|supposed) to|planned\s+an?|would(?!\s+have|n[’']t|\s+not))\b/gi;

const PRESENT = /\b(?:is|are|am)\b(?!\s+to\b)/g;

const IRREGULAR_PAST = new Set(
  (
    "was were had did said told made took came went saw grew began rose fell sold bought paid held led left " +
    "met won lost spent sent brought thought became gave got found kept stood fought ran struck broke chose " +
    "drove felt flew froze hid knew meant rode spoke stole swore taught threw understood woke wore wrote " +
    "withdrew overtook undertook sought ago"
  ).split(" "),
);

// Words ending in -ed that are not past tenses.
const NOT_PAST = new Set(
  "hundred indeed united proceed exceed succeed need needed speed seed breed greed naked wicked sacred kindred limited red bed shed feed reed".split(
    " ",
  ),
);

// ASCII letters suffice to spot English tense markers, and spare the slower `u` flag.
const WORD = /[A-Za-z]+(?:[’'][A-Za-z]+)?/g;
// Quotation marks too: a quotation has its own tense ("…outside the home Monday. ``We'll try…").
const CLAUSE_BOUNDARY = new Set([",", ";", ":", "(", ")", "—", "–", "`", "“", "”", '"']);

// ASCII, no `u` flag, like the other patterns here.
// The slice between a date and a later verb: a conjunction right before the verb (its
// subject a pronoun at most) starts another clause — "Tuesday and will sign", "… but it
// was" — where "the fourth quarter and full-year ended" or "but not expected to" do not.
const CONJUNCTION = /\b(?:and|but|while|whereas|although|though)\s+(?:(?:it|he|she|they|we|then|also)\s+)?$/i;

/**
 * Where a clause joined after a date begins: at the first verb after it that follows a
 * conjunction ("signed the bill Thursday and will sign another", "was operating Monday
 * and is expected to…"). The verbs from there on are not the date's.
 */
function coordinatedClauseStart(sentence: string, end: number, markers: readonly TenseMarker[]): number {
  let cut = Number.POSITIVE_INFINITY;
  for (const m of markers) {
    if (m.start < end || m.start >= cut || !finite(sentence, m)) continue;
    if (CONJUNCTION.test(sentence.slice(end, m.start))) cut = m.start;
  }
  return cut;
}

// "set in January and left unchanged": a participle joined by "and" shares the clause;
// an auxiliary or a future ("and will", "and is", "but was") starts one.
const FINITE_PAST = /^(?:was|were|had|did)$/i;

function finite(sentence: string, marker: TenseMarker): boolean {
  return marker.tense !== "past" || FINITE_PAST.test(sentence.slice(marker.start, marker.end));
}

// What may stand between a verb of saying and the date of the saying: "said Monday",
// "said on Monday", "said in late January", "told him Friday", "told ABC Television on
// Sunday", "told Reuters in an interview Tuesday", "said in a statement on Monday",
// "told Baird executives at a March 17 meeting", "said in a third-quarter statement".
const SAYING_OBJECT = String.raw`(?:(?:him|her|them|us|me|reporters|journalists|analysts|investors|lawmakers|parliament|an?\s+(?:news|press)\s+conference)\s+|(?:[A-Z][\w.&'-]*\s+){1,3}(?:(?:executives|officials|shareholders|reporters)\s+)?)?`;
const SAYING_SETTING = String.raw`(?:(?:in|at|during)\s+(?:an?|the|its|his|her|their)\s+(?:(?:interview|statement|news\s+conference|press\s+conference|briefing|speech|letter|release|report|filing)\s+)?)?`;
const SAYING_GAP = new RegExp(
  String.raw`^\s+${SAYING_OBJECT}${SAYING_SETTING}(?:(?:on|in|late|early|mid|last|this|next|by)\s*-?\s*)*$`,
);

/**
 * A verb of saying before a date dates the saying only when nothing but its object or a
 * setting stands between them: in "officials said the study may be released in May" or
 * "dealers said consumers need to cover their June requirements" the month belongs to
 * what was said, which has its own tense.
 */
function reportsOtherContent(sentence: string, marker: TenseMarker, start: number): boolean {
  return (
    marker.reporting === true && marker.end <= start && !SAYING_GAP.test(sentence.slice(marker.end, start))
  );
}

// The clause boundaries above in one pattern, to find them all at once.
const BOUNDARY_CHARS = /[,;:()—–`“”"]|''/g;

function isBoundary(sentence: string, at: number): boolean {
  const char = sentence[at] ?? "";
  if (CLAUSE_BOUNDARY.has(char)) return true;
  // The ASCII closing quotation of news wires is two apostrophes.
  return char === "'" && (sentence[at - 1] === "'" || sentence[at + 1] === "'");
}

/** The tense markers of a sentence, to find once and reuse for each of its dates. */
export function tenseMarkers(sentence: string): TenseMarker[] {
  const markers: TenseMarker[] = [];
  const inPast = [...sentence.matchAll(FUTURE_IN_PAST)].map((m): [number, number] => [
    m.index,
    m.index + m[0].length,
  ]);
  for (const match of sentence.matchAll(FUTURE)) {
    // "was scheduled to", "were likely to": the future of a past, not a future.
    if (inPast.some(([from, to]) => match.index >= from && match.index < to)) continue;
    markers.push({ start: match.index, end: match.index + match[0].length, tense: "future" });
  }
  // A clause in the present ("when the case is heard in May") is not told from the past
  // of another clause: its date is the nearest one.
  for (const match of sentence.matchAll(PRESENT)) {
    markers.push({ start: match.index, end: match.index + match[0].length, tense: "unknown" });
  }
  for (const [start, end] of inPast) markers.push({ start, end, tense: "unknown", prospective: true });
  const previous: string[] = [];
  const boundaries = [...sentence.matchAll(BOUNDARY_CHARS)].map((m) => m.index);
  let nextBoundary = 0;
  for (const match of sentence.matchAll(WORD)) {
    const word = match[0];
    const lower = word.toLowerCase();
    // An auxiliary does not reach across a clause boundary: 'It will help," Lyng told…'.
    if ((boundaries[nextBoundary] ?? Number.POSITIVE_INFINITY) < match.index) {
      previous.length = 0;
      while ((boundaries[nextBoundary] ?? Number.POSITIVE_INFINITY) < match.index) nextBoundary++;
    }
    // "will be released", "will have been sold", "is reviewed": the participle belongs to the auxiliary.
    const participleOfFuture =
      ["be", "is", "are", "am"].includes(previous.at(-1) ?? "") ||
      previous.some((w) => w === "will" || w === "shall" || w === "ll");
    previous.push(lower);
    if (previous.length > 3) previous.shift();
    if (word !== lower && match.index > 0) continue; // capitalised mid-sentence: a name, not a verb
    const past =
      IRREGULAR_PAST.has(lower) || (lower.length >= 5 && lower.endsWith("ed") && !NOT_PAST.has(lower));
    const inOpen = inPast.some(([from, to]) => match.index >= from && match.index < to);
    if (past && !participleOfFuture && !inOpen) {
      const marker: TenseMarker = { start: match.index, end: match.index + word.length, tense: "past" };
      if (REPORTING_VERBS.has(lower)) marker.reporting = true;
      markers.push(marker);
    }
  }
  return markers;
}

function distance(marker: TenseMarker, start: number, end: number): number {
  return marker.end <= start ? start - marker.end : Math.max(0, marker.start - end);
}

function clauseBounds(sentence: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !isBoundary(sentence, from - 1)) from--;
  let to = end;
  while (to < sentence.length && !isBoundary(sentence, to)) to++;
  return [from, to];
}

// At equal distance the verb before the date wins: a date after a verb modifies it
// ("said in January it would cut jobs": the saying was in January).
function closer(marker: TenseMarker, best: TenseMarker, start: number, end: number): boolean {
  const d = distance(marker, start, end) - distance(best, start, end);
  return d < 0 || (d === 0 && marker.end <= start && best.end > start);
}

function nearest(markers: readonly TenseMarker[], start: number, end: number): Tense | undefined {
  let best: TenseMarker | undefined;
  for (const marker of markers) {
    if (best === undefined || closer(marker, best, start, end)) best = marker;
  }
  return best?.tense;
}

/**
 * The tense governing a date expression at `[start, end)` of a sentence: the nearest
 * tense marker in its clause ("will", "plans to", "goes live"; "was", "said", any
 * "-ed" verb), else the nearest in the sentence — "By Monday, Colombia announced…"
 * is past because "announced" is the closest verb. `unknown` when there is none.
 */
export function tenseAt(
  sentence: string,
  start: number,
  end: number,
  found: readonly TenseMarker[] = tenseMarkers(sentence),
): Tense {
  const markers = found.filter((m) => m.end <= start || m.start >= end);
  const [from, to] = clauseBounds(sentence, start, end);
  const until = Math.min(to, coordinatedClauseStart(sentence, end, markers));
  const inClause = markers.filter(
    (m) => m.start >= from && m.end <= until && !reportsOtherContent(sentence, m, start),
  );
  const local = nearest(inClause, start, end);
  if (local !== undefined) return local;
  // A date set off before its clause ("On Friday, the government planned to pay…") is the
  // planning verb's: a past, not the open future of what was planned.
  const outside = markers
    .filter((m) => m.reporting !== true)
    .map((m): TenseMarker => (m.prospective && m.start >= end ? { ...m, tense: "past" } : m));
  return nearest(outside, start, end) ?? "unknown";
}

/**
 * The custom_id of a Helpful / Not helpful button: `bv1:<y|n>:<answer id>`. The answer id is
 * signed by the service (see `Answer.answerId`), so any process can take the click and a
 * made-up one changes nothing. 38 characters, well within Discord's 100.
 */
export interface VoteButtonState {
  helpful: boolean;
  answerId: string;
}

const VOTE = /^bv1:([yn]):([A-Za-z0-9_.-]{1,64})$/u;

/** The custom_id for a vote button. */
export function encodeVoteButton(state: VoteButtonState): string {
  return `bv1:${state.helpful ? "y" : "n"}:${state.answerId}`;
}

/** The vote a custom_id carries, or undefined when it is not a vote button of ours. */
export function decodeVoteButton(customId: string): VoteButtonState | undefined {
  const match = VOTE.exec(customId);
  if (!match?.[1] || !match[2]) return undefined;
  return { helpful: match[1] === "y", answerId: match[2] };
}

/** The answer id of the first vote button among a message's components (paging keeps it). */
export function answerIdInComponents(components: unknown): string | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const row of components) {
    const inner: unknown = (row as { components?: unknown })?.components;
    if (!Array.isArray(inner)) continue;
    for (const component of inner) {
      const customId: unknown = (component as { custom_id?: unknown; customId?: unknown })?.custom_id;
      if (typeof customId !== "string") continue;
      const vote = decodeVoteButton(customId);
      if (vote) return vote.answerId;
    }
  }
  return undefined;
}

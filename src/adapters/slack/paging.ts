import { z } from "zod";
import type { CommandArgs, Visibility } from "../../core/invocation.js";
import { MAX_STATE_VALUE } from "./limits.js";

export type { Visibility } from "../../core/invocation.js";

/**
 * What a button needs to answer again: the command and arguments as asked, the
 * page to show and the visibility. Carried in the button's value, so no state is
 * kept on the server; answers are deterministic, so asking again gives the same items.
 */
export interface PagingState {
  command: string;
  args: CommandArgs;
  /** 0-based page. */
  page: number;
  visibility: Visibility;
  /** Slack user id of whoever shared the answer in the channel. */
  sharedBy?: string;
  /** The answer's signed id, so that its pages keep their vote buttons. */
  answerId?: string;
}

/** Action ids of the buttons under an answer. */
export const ACTION_IDS = {
  previous: "backstory_page_previous",
  next: "backstory_page_next",
  share: "backstory_share",
  helpful: "backstory_vote_helpful",
  notHelpful: "backstory_vote_not_helpful",
} as const;

/** Matches the two vote buttons' action ids, for their own Bolt listener. */
export const VOTE_ACTION_ID_PATTERN = /^backstory_vote_(helpful|not_helpful)$/u;

/** A signed answer id as a vote button carries it (see `Answer.answerId`). */
export const ANSWER_ID = /^[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{1,32}$/u;

/** Matches every action id above, for one Bolt listener. */
export const ACTION_ID_PATTERN = /^backstory_(page_previous|page_next|share)$/u;

const MAX_PAGE = 10_000;

/** A Slack user id (`U…`, or `W…` on Enterprise Grid). */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/u;

// The value comes back from Slack in a signed request, but it is still user-reachable
// data: checked field by field, never trusted as-is.
const stateSchema = z.object({
  v: z.literal(1),
  c: z.string().min(1).max(32),
  a: z.record(z.string().max(32), z.union([z.string().max(4000), z.number(), z.boolean()])),
  p: z.number().int().min(0).max(MAX_PAGE),
  s: z.enum(["private", "public"]),
  b: z.string().regex(SLACK_USER_ID).optional(),
  r: z.string().regex(ANSWER_ID).optional(),
});

/** The button value for a state, or undefined when it would not fit in a button. */
export function encodePagingState(state: PagingState): string | undefined {
  const value = JSON.stringify({
    v: 1,
    c: state.command,
    a: state.args,
    p: state.page,
    s: state.visibility,
    b: state.sharedBy,
    r: state.answerId,
  });
  return value.length <= MAX_STATE_VALUE ? value : undefined;
}

/** The state carried by a button value, or undefined when the value is not one of ours. */
export function decodePagingState(value: string | undefined): PagingState | undefined {
  if (value === undefined || value.length > MAX_STATE_VALUE) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { c, a, p, s, b, r } = parsed.data;
  const state: PagingState = { command: c, args: a, page: p, visibility: s };
  if (b !== undefined) state.sharedBy = b;
  if (r !== undefined) state.answerId = r;
  return state;
}

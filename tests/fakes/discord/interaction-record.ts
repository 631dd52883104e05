import type { APIInteraction, APIMessage } from "discord.js";

/** An interaction callback the fake accepted. */
export interface CallbackRecord {
  type: number;
  data?: Record<string, unknown>;
  /** Milliseconds after the interaction was created. */
  afterMs: number;
}

/** What the user ends up seeing for an interaction. */
export type Outcome =
  | { via: "reply" | "update"; deferred: false; message: APIMessage; callback: CallbackRecord }
  | { via: "edit" | "followUp"; deferred: true; message: APIMessage; callback: CallbackRecord }
  | {
      via: "suggest";
      deferred: false;
      choices: { name: string; value: string | number }[];
      callback: CallbackRecord;
    };

/** One interaction known to the fake, and every response it got. */
export interface FakeInteraction {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  readonly createdAt: number;
  readonly callbacks: CallbackRecord[];
  /** Bodies of accepted edits of the original response (or of the clicked message). */
  readonly edits: Record<string, unknown>[];
  /** Bodies of accepted follow-up messages. */
  readonly followUps: Record<string, unknown>[];
  /** How many times the original response was deleted. */
  deletes: number;
  /** The message the first response created (types 4 and 5). */
  originalMessageId?: string;
  /** The first response, when it comes. */
  response(timeoutMs?: number): Promise<CallbackRecord>;
  /** What the user ends up seeing: the reply, the update, the edit after a deferral, or a follow-up. */
  outcome(timeoutMs?: number): Promise<Outcome>;
}

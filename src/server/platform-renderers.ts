import type { Answer } from "../core/answer.js";
import type { CommandArgs } from "../core/invocation.js";

/** How the playground asks for an answer to be drawn: the question and to whom. */
export interface RenderRequest {
  /** The command as asked, without the slash. */
  command: string;
  /** The arguments it was asked with (buttons ask again with them). */
  args: CommandArgs;
  /** The asker wants it for themselves (ephemeral) rather than for the channel. */
  private: boolean;
  /** 0-based page of items (the renderers clamp it). */
  page: number;
}

/**
 * The adapters' renderers, as the playground uses them: an Answer in, the
 * platform's JSON payload out (Discord message data, Slack blocks).
 */
export interface PlatformRenderers {
  discord(answer: Answer, request: RenderRequest): unknown;
  slack(answer: Answer, request: RenderRequest): unknown;
}

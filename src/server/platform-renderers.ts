import type { Answer } from "../core/answer.js";

/** How the playground asks for an answer to be drawn. */
export interface RenderRequest {
  /** The asker wants it for themselves (ephemeral) rather than for the channel. */
  private: boolean;
}

/**
 * The adapters' renderers, as the playground uses them: an Answer in, the
 * platform's JSON payload out (Discord message data, Slack blocks).
 */
export interface PlatformRenderers {
  discord(answer: Answer, request: RenderRequest): unknown;
  slack(answer: Answer, request: RenderRequest): unknown;
}

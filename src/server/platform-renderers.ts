import type { Answer } from "../core/answer.js";
import type { ViewRequest } from "../present/answer-view.js";

/**
 * The adapters' renderers, as the playground uses them: an Answer in, the
 * platform's JSON payload out (Discord message data, Slack blocks).
 */
export interface PlatformRenderers {
  discord(answer: Answer, request: ViewRequest): unknown;
  slack(answer: Answer, request: ViewRequest): unknown;
}

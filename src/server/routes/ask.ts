import type { Answer } from "../../core/answer.js";
import { asBackstoryError } from "../../core/errors.js";
import type { Asker } from "../../service/asker.js";
import type { PlatformRenderers } from "../platform-renderers.js";
import { sendBackstoryError, sendError, sendJson } from "../respond.js";
import type { Route, RouteContext } from "../router.js";
import { type ClientKey, questionFrom } from "./question.js";

/** What the ask routes need. */
export interface AskRouteOptions {
  asker: Asker;
  clientKey: ClientKey;
  defaultPrivate: boolean;
  /** The adapters' renderers, loaded on first use (they pull in the platform SDKs). */
  renderers: () => Promise<PlatformRenderers>;
}

/** The playground's answer as each platform would show it. */
export interface RenderedAnswer {
  answer: Answer;
  private: boolean;
  discord: unknown;
  slack: unknown;
}

/**
 * `GET /api/ask?q=/why%20visa` → the Answer JSON;
 * `GET /api/render?q=…` → `{answer, discord, slack}` for the playground.
 */
export function askRoutes(options: AskRouteOptions): Route[] {
  const answer = async (context: RouteContext): Promise<{ answer: Answer; private: boolean } | undefined> => {
    const question = questionFrom(context.url, `ip:${options.clientKey(context.req)}`, options.defaultPrivate);
    if (!question.ok) {
      if ("error" in question) sendBackstoryError(context.res, question.error);
      else sendError(context.res, 400, "bad_request", question.message);
      return undefined;
    }
    try {
      return { answer: await options.asker.ask(question.invocation), private: question.private };
    } catch (error) {
      sendBackstoryError(context.res, asBackstoryError(error));
      return undefined;
    }
  };

  return [
    {
      name: "/api/ask",
      methods: ["GET"],
      path: "/api/ask",
      handler: async (context) => {
        const result = await answer(context);
        if (result) sendJson(context.res, 200, result.answer);
      },
    },
    {
      name: "/api/render",
      methods: ["GET"],
      path: "/api/render",
      handler: async (context) => {
        const result = await answer(context);
        if (!result) return;
        const renderers = await options.renderers();
        const request = { private: result.private };
        const body: RenderedAnswer = {
          answer: result.answer,
          private: result.private,
          discord: renderers.discord(result.answer, request),
          slack: renderers.slack(result.answer, request),
        };
        sendJson(context.res, 200, body);
      },
    },
  ];
}

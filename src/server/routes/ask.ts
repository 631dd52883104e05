import type { Answer } from "../../core/answer.js";
import { asBackstoryError } from "../../core/errors.js";
import type { ViewRequest } from "../../present/answer-view.js";
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
  const answer = async (
    context: RouteContext,
  ): Promise<{ answer: Answer; request: ViewRequest } | undefined> => {
    const question = questionFrom(
      context.url,
      `ip:${options.clientKey(context.req)}`,
      options.defaultPrivate,
    );
    if (!question.ok) {
      if ("error" in question) sendBackstoryError(context.res, question.error);
      else sendError(context.res, 400, "bad_request", question.message);
      return undefined;
    }
    try {
      const { invocation } = question;
      // Another page of an answer already shown (the playground's Next): the same question, not a new one.
      const shown = context.url.searchParams.get("answer");
      if (shown !== null) invocation.again = shown === "" ? {} : { answerId: shown };
      const request: ViewRequest = {
        args: invocation.args,
        visibility: question.private ? "private" : "public",
        page: 0,
      };
      return { answer: await options.asker.ask(invocation), request };
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
        const page = pageFrom(context.url);
        if (page === undefined) {
          sendError(context.res, 400, "bad_request", "page must be a whole number from 0 to 10000.");
          return;
        }
        const result = await answer(context);
        if (!result) return;
        result.request.page = page;
        const renderers = await options.renderers();
        const body: RenderedAnswer = {
          answer: result.answer,
          private: result.request.visibility === "private",
          discord: renderers.discord(result.answer, result.request),
          slack: renderers.slack(result.answer, result.request),
        };
        sendJson(context.res, 200, body);
      },
    },
  ];
}

function pageFrom(url: URL): number | undefined {
  const raw = url.searchParams.get("page");
  if (raw === null || raw === "") return 0;
  return /^\d{1,5}$/u.test(raw) && Number(raw) <= 10_000 ? Number(raw) : undefined;
}

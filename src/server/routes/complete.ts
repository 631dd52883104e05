import type { CompletionSource } from "../../core/engine.js";
import type { Asker } from "../../service/asker.js";
import { sendError, sendJson } from "../respond.js";
import type { Route } from "../router.js";

const SOURCES: readonly CompletionSource[] = ["speakers", "entities", "topics"];
// Autocomplete values are at most 100 characters on both platforms.
const MAX_TYPED = 100;

function isSource(value: string | null): value is CompletionSource {
  return SOURCES.includes(value as CompletionSource);
}

/** `GET /api/complete?source=speakers&q=pe` → `{source, q, suggestions}` (≤ 25). */
export function completeRoute(asker: Asker): Route {
  return {
    name: "/api/complete",
    methods: ["GET"],
    path: "/api/complete",
    handler: ({ url, res }) => {
      const source = url.searchParams.get("source");
      if (!isSource(source)) {
        sendError(res, 400, "bad_request", `source must be one of ${SOURCES.join(", ")}.`);
        return;
      }
      const q = (url.searchParams.get("q") ?? "").slice(0, MAX_TYPED);
      sendJson(res, 200, { source, q, suggestions: asker.complete(source, q) });
    },
  };
}

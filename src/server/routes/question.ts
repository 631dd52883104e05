import type { IncomingMessage } from "node:http";
import { textToInvocation } from "../../../commands/text-to-invocation.js";
import { BackstoryError } from "../../core/errors.js";
import type { Invocation } from "../../core/invocation.js";

// Far beyond any question; the dispatcher cuts option values at 500 characters anyway.
const MAX_QUESTION_LENGTH = 2000;

/** A question read from `?q=`, or why it cannot be answered. */
export type Question =
  | { ok: true; invocation: Invocation; private: boolean }
  | { ok: false; message: string }
  | { ok: false; error: BackstoryError };

/** Reads `q` (a slash command as typed) into an invocation from the web, for `user`. */
export function questionFrom(url: URL, user: string, defaultPrivate: boolean): Question {
  const q = url.searchParams.get("q");
  if (q === null || q.trim() === "") {
    return { ok: false, message: "Add a slash command as q, for example /api/ask?q=/why%20visa" };
  }
  if (q.length > MAX_QUESTION_LENGTH) {
    return { ok: false, message: `q is too long (${q.length} characters; at most ${MAX_QUESTION_LENGTH}).` };
  }
  try {
    const invocation = textToInvocation(q, { platform: "web", user });
    const isPrivate = invocation.visibility ? invocation.visibility === "private" : defaultPrivate;
    return { ok: true, invocation, private: isPrivate };
  } catch (error) {
    if (error instanceof BackstoryError) return { ok: false, error };
    throw error;
  }
}

/** The key the rate limit counts a web client under: its address. */
export type ClientKey = (req: IncomingMessage) => string;

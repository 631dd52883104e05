import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";

const slashCommand = z.looseObject({
  command: z.string().startsWith("/"),
  text: z.string().optional(),
  user_id: z.string().min(1),
});

const blockActions = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id: z.string() }),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().optional() })).min(1),
  container: z.looseObject({}).optional(),
});

const eventCallback = z.looseObject({
  type: z.literal("event_callback"),
  event: z.looseObject({ type: z.string(), text: z.string().optional(), user: z.string().optional() }),
});

/**
 * Why a signed Slack body cannot be answered (for a 400), or undefined when its
 * shape is one the adapter reads safely. Bolt 4.7 reads fields without checking
 * them: a JSON `null`, `"actions": null` or a form with `command` twice once
 * became a hung request or a TypeError (500). Checked: a JSON body or a form's
 * `payload` is an object; a form names each field once; a slash command has a
 * `/command` and a user; block actions have actions and a user; an event
 * callback has its event. Other payloads pass to Bolt as they are, and so do
 * unparseable bodies (Bolt refuses them itself).
 */
export function slackPayloadProblem(
  headers: IncomingHttpHeaders,
  body: Buffer,
  /** The body already parsed as a form, when the caller has it. */
  parsed?: URLSearchParams,
): string | undefined {
  const type = headers["content-type"] ?? "";
  if (type.startsWith("application/json")) return jsonProblem(body.toString("utf8"));
  if (!type.startsWith("application/x-www-form-urlencoded")) return undefined;
  const form = parsed ?? new URLSearchParams(body.toString("utf8"));
  const keys = [...form.keys()];
  const repeated = keys.find((key, i) => keys.indexOf(key) !== i);
  if (repeated !== undefined) return `the form names "${repeated.slice(0, 40)}" more than once`;
  const payload = form.get("payload");
  if (payload !== null) return jsonProblem(payload);
  if (form.has("command")) return issues(slashCommand.safeParse(Object.fromEntries(form)));
  return undefined;
}

function jsonProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "the payload is not an object";
  const kind = (value as { type?: unknown }).type;
  if (kind === "block_actions") return issues(blockActions.safeParse(value));
  if (kind === "event_callback") return issues(eventCallback.safeParse(value));
  return undefined;
}

function issues(result: z.ZodSafeParseResult<unknown>): string | undefined {
  if (result.success) return undefined;
  return result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`)
    .join("; ");
}
